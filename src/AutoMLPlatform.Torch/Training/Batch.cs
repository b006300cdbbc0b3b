using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Training;

/// <summary>
/// One mini-batch: the model's input tensors and the class index of each row. Created inside the caller's dispose
/// scope, so its tensors are freed when the step that used them ends.
/// </summary>
internal sealed record Batch(Tensor[] Inputs, Tensor Labels, int Rows);
