using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace AutoMLPlatform.Pretrained.Assets;

/// <summary>
/// Reads an asset's bytes from where the build put it and proves them by size and SHA-256 before anyone uses them.
/// An embedded asset is read straight out of the assembly file (its CLR resources: a 4-byte length, then the bytes),
/// without loading the assembly: nothing of the wrapper package runs.
/// </summary>
public static class AssetReader
{
    public static byte[] Read(PretrainedAsset asset, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentException.ThrowIfNullOrEmpty(baseDirectory);
        var path = Path.Combine(baseDirectory, asset.File);
        if (!File.Exists(path))
        {
            throw new PretrainedAssetException(PretrainedErrorCodes.AssetMissing,
                $"The pretrained asset '{asset.Name}' ({asset.Package} {asset.PackageVersion}) is not installed: {path} does not exist. `dotnet restore` and a build put it there.");
        }

        var bytes = asset.Resource is null ? File.ReadAllBytes(path) : ReadResource(path, asset);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.LongLength != asset.SizeBytes || sha256 != asset.Sha256)
        {
            throw new PretrainedAssetException(PretrainedErrorCodes.AssetMismatch,
                $"The pretrained asset '{asset.Name}' at {path} has SHA-256 {sha256} ({bytes.LongLength} bytes), not {asset.Sha256} ({asset.SizeBytes} bytes) as {asset.Package} {asset.PackageVersion} ships it.");
        }

        return bytes;
    }

    private static byte[] ReadResource(string path, PretrainedAsset asset)
    {
        long offset;
        using (var stream = File.OpenRead(path))
        using (var pe = new PEReader(stream))
        {
            var metadata = pe.GetMetadataReader();
            var resource = metadata.ManifestResources.Select(metadata.GetManifestResource)
                .Where(r => r.Implementation.IsNil && metadata.StringComparer.Equals(r.Name, asset.Resource!))
                .Select(r => (ManifestResource?)r)
                .FirstOrDefault() ?? throw Missing(asset, path);
            var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory ?? throw Missing(asset, path);
            if (!pe.PEHeaders.TryGetDirectoryOffset(directory, out var start))
            {
                throw Missing(asset, path);
            }

            offset = start + resource.Offset;
        }

        using var file = File.OpenRead(path);
        file.Position = offset;
        Span<byte> prefix = stackalloc byte[4];
        file.ReadExactly(prefix);
        var length = BitConverter.ToInt32(prefix);
        if (length < 0 || length != asset.SizeBytes || offset + 4 + length > file.Length)
        {
            throw new PretrainedAssetException(PretrainedErrorCodes.AssetMismatch,
                $"The pretrained asset '{asset.Name}' in {path} is {length} bytes, not {asset.SizeBytes} as {asset.Package} {asset.PackageVersion} ships it.");
        }

        var bytes = new byte[length];
        file.ReadExactly(bytes);
        return bytes;
    }

    private static PretrainedAssetException Missing(PretrainedAsset asset, string path) => new(PretrainedErrorCodes.AssetMissing,
        $"{path} holds no resource '{asset.Resource}' for the pretrained asset '{asset.Name}'; is it {asset.Package} {asset.PackageVersion}?");
}
