using System.Security.Cryptography;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// Envelope encryption of tenant data keys: AES-256-GCM under the master key, with the tenant id as associated data
/// so a wrapped key copied to another tenant's row does not open. Layout: nonce (12) | ciphertext (32) | tag (16).
/// </summary>
public static class DataKeyWrapper
{
    public const int DataKeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(DataKeySize);

    public static WrappedDataKey Wrap(byte[] dataKey, TenantId tenant, MasterKey master)
    {
        ArgumentNullException.ThrowIfNull(dataKey);
        ArgumentNullException.ThrowIfNull(master);
        var wrapped = new byte[NonceSize + DataKeySize + TagSize];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceSize));
        using var aes = new AesGcm(master.Key, TagSize);
        aes.Encrypt(wrapped.AsSpan(0, NonceSize), dataKey, wrapped.AsSpan(NonceSize, DataKeySize), wrapped.AsSpan(NonceSize + DataKeySize), tenant.Value.ToByteArray());
        return new WrappedDataKey(master.Id, wrapped);
    }

    public static byte[] Unwrap(WrappedDataKey wrapped, TenantId tenant, MasterKey master)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        ArgumentNullException.ThrowIfNull(master);
        if (wrapped.MasterKeyId != master.Id)
        {
            throw new InvalidMasterKeyException(
                $"Tenant {tenant}'s data key is wrapped by master key {wrapped.MasterKeyId}, but the configured master key is {master.Id}.");
        }

        var bytes = wrapped.Ciphertext;
        if (bytes.Length != NonceSize + DataKeySize + TagSize)
        {
            throw new InvalidMasterKeyException($"Tenant {tenant}'s wrapped data key has a wrong length.");
        }

        var dataKey = new byte[DataKeySize];
        using var aes = new AesGcm(master.Key, TagSize);
        try
        {
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, DataKeySize), bytes.AsSpan(NonceSize + DataKeySize), dataKey, tenant.Value.ToByteArray());
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new InvalidMasterKeyException($"Tenant {tenant}'s data key does not open with the configured master key.", ex);
        }

        return dataKey;
    }
}
