using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Training;

/// <summary>Tensors filled from spans with one native copy and no managed allocation (TorchSharp's array factories clone the array).</summary>
internal static class TensorFactory
{
    public static Tensor Floats(ReadOnlySpan<float> values, params ReadOnlySpan<long> shape)
    {
        var result = empty(shape, ScalarType.Float32);
        using var accessor = result.data<float>();
        accessor.CopyFrom(values, 0, 0);
        return result;
    }

    public static Tensor Longs(ReadOnlySpan<long> values, params ReadOnlySpan<long> shape)
    {
        var result = empty(shape, ScalarType.Int64);
        using var accessor = result.data<long>();
        accessor.CopyFrom(values, 0, 0);
        return result;
    }
}
