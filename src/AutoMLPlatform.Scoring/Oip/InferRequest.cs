namespace AutoMLPlatform.Scoring.Oip;

/// <summary>An Open Inference Protocol inference request: its id, input tensors and the outputs asked for (null for all).</summary>
internal sealed record InferRequest(string? Id, IReadOnlyList<InputTensor> Inputs, IReadOnlyList<string>? Outputs);

/// <summary>One named, typed, shaped input tensor; <see cref="Data"/> is flattened in row-major order.</summary>
internal sealed record InputTensor(string Name, OipDataType DataType, IReadOnlyList<long> Shape, IReadOnlyList<TensorElement> Data);

/// <summary>How much one inference request may hold: elements per input tensor (one per row), input tensors, JSON depth.</summary>
internal sealed record InferRequestLimits(int MaxElements, int MaxInputs, int MaxDepth);
