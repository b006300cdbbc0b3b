namespace AutoMLPlatform.Core.Tenancy;

/// <summary>A tenant's data key encrypted under the master key identified by <paramref name="MasterKeyId"/>.</summary>
public sealed record WrappedDataKey(string MasterKeyId, byte[] Ciphertext);
