namespace AutoMLPlatform.Datasets.Images;

/// <summary>What an image zip holds: its classes (folder names, in ordinal order) with their image counts, and image sizes.</summary>
public sealed record ImageZipSummary(IReadOnlyList<ImageClassCount> Classes, int ImageCount, ImageSizeRange Sizes);

/// <summary>One class folder and how many images it holds.</summary>
public sealed record ImageClassCount(string Name, int Count);

/// <summary>The smallest and largest width and height seen.</summary>
public sealed record ImageSizeRange(int MinWidth, int MaxWidth, int MinHeight, int MaxHeight)
{
    public bool IsUniform => MinWidth == MaxWidth && MinHeight == MaxHeight;
}
