using AutoMLPlatform.Core.Blobs;

namespace AutoMLPlatform.Storage.Blobs;

/// <summary>A blob the metadata points at is missing from disk: storage was altered outside the platform.</summary>
public sealed class BlobNotFoundException(BlobKind kind, string sha256)
    : Exception($"The {kind.ToString().ToLowerInvariant()} blob {sha256} is missing from storage.");
