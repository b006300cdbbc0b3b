using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Insight.Onnx;

/// <summary>A model cannot be exported to ONNX faithfully: a step has no ONNX form, or ONNX Runtime disagrees with ML.NET.</summary>
public sealed class NotExportableException(string step, string message)
    : UnprocessableException("not-exportable-to-onnx", message)
{
    /// <summary>The pipeline step (ML.NET transformer type) that has no ONNX form, or the output that disagreed.</summary>
    public string Step { get; } = step;
}
