namespace AutoMLPlatform.Core.Modeling;

/// <summary>What kind of learner a job asks for, besides its <see cref="TaskKind"/>.</summary>
public enum DataModality
{
    /// <summary>Decided by the dataset: image zips train the image classifier, tables the AutoML search.</summary>
    Auto,

    /// <summary><c>text-classification</c>: the Torch text classifier on the table's free-text column.</summary>
    Text,

    /// <summary><c>image-classification</c>: the Torch image classifier on an image dataset.</summary>
    Image,
}
