using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Datasets;

/// <summary>No dataset (or dataset version) with that id exists for the tenant.</summary>
public sealed class DatasetNotFoundException : NotFoundException
{
    public DatasetNotFoundException(DatasetId id, int? version = null)
        : this(id.ToString(), version)
    {
    }

    /// <summary>For an id as the caller wrote it, which may not even be a well-formed id.</summary>
    public DatasetNotFoundException(string id, int? version = null)
        : base(DatasetErrorCodes.DatasetNotFound, version is null
            ? $"Dataset '{id}' was not found."
            : $"Version {version} of dataset '{id}' was not found.")
    {
    }
}
