namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>
/// A pipeline stage that ML.NET cannot save itself (its state lives outside ML.NET, such as Torch weights), so it
/// saves into its own entry of the model package. A transformer implements this next to <c>ITransformer</c>;
/// <see cref="ModelPackage.Write"/> finds such stages at the end of a chain and writes each one as a part whose
/// <see cref="Kind"/> names the <see cref="IModelPartLoader"/> that reads it back.
/// </summary>
public interface IModelPart
{
    /// <summary>A stable, kebab-case name of the stage's format, e.g. <c>torch-text-classifier</c>.</summary>
    string Kind { get; }

    /// <summary>Writes everything needed to rebuild the stage; the stream is the part's zip entry.</summary>
    void Write(Stream destination);
}
