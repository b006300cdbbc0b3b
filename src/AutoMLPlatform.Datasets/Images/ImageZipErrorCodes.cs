namespace AutoMLPlatform.Datasets.Images;

/// <summary>Codes of the refusals of an image zip that both its probe and its reader raise.</summary>
public static class ImageZipErrorCodes
{
    public const string ZipTooManyEntries = "zip-too-many-entries";
}
