namespace AutoMLPlatform.Scoring.Oip;

/// <summary>An Open Inference Protocol inference request: its id, input tensors and the outputs asked for (null for all).</summary>
internal sealed record InferRequest(string? Id, IReadOnlyList<InputTensor> Inputs, IReadOnlyList<string>? Outputs);

/// <summary>One named, typed, shaped input tensor; <see cref="Data"/> is flattened in row-major order.</summary>
internal sealed record InputTensor(string Name, OipDataType DataType, IReadOnlyList<long> Shape, IReadOnlyList<TensorElement> Data);
