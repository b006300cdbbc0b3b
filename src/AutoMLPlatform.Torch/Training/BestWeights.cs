using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Training;

/// <summary>A copy of a module's weights at its best epoch, put back when training ends.</summary>
internal sealed class BestWeights : IDisposable
{
    private Dictionary<string, Tensor>? _snapshot;

    public void Capture(nn.Module module)
    {
        Release();
        using var noGrad = no_grad();
        _snapshot = module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
    }

    public void Restore(nn.Module module)
    {
        if (_snapshot is not null)
        {
            using var noGrad = no_grad();
            module.load_state_dict(_snapshot);
        }
    }

    public void Dispose() => Release();

    private void Release()
    {
        if (_snapshot is null)
        {
            return;
        }

        foreach (var tensor in _snapshot.Values)
        {
            tensor.Dispose();
        }

        _snapshot = null;
    }
}
