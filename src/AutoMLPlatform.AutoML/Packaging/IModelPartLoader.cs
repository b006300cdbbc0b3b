using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>
/// Rebuilds the stage an <see cref="IModelPart"/> wrote. Hosts register one per part kind they can load (in DI as
/// <c>IModelPartLoader</c> singletons) and pass them to <see cref="ModelPackage.Read"/>; a package with a part of a
/// kind no loader knows is refused as invalid.
/// </summary>
public interface IModelPartLoader
{
    /// <summary>The <see cref="IModelPart.Kind"/> this loader reads.</summary>
    string Kind { get; }

    /// <summary>Reads a part back into a transformer that is appended to the stages before it.</summary>
    /// <param name="content">The part's entry, read-only and not seekable.</param>
    /// <param name="context">The context the package is read with, and its manifest.</param>
    ITransformer Load(Stream content, ModelPartLoadContext context);
}
