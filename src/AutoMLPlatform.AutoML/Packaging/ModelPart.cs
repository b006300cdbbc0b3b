namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>One stage of a packaged pipeline: its kind (how to load it) and the zip entry holding it.</summary>
public sealed record ModelPart(string Kind, string Entry)
{
    /// <summary>An ML.NET model saved with <c>MLContext.Model.Save</c>.</summary>
    public const string MLNetKind = "mlnet";
}
