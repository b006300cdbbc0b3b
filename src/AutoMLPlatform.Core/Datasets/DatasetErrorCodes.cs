namespace AutoMLPlatform.Core.Datasets;

/// <summary>Codes of dataset errors that more than one component raises or recognises.</summary>
public static class DatasetErrorCodes
{
    public const string DatasetNotFound = "dataset-not-found";
}
