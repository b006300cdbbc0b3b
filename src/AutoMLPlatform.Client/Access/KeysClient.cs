using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Access;

/// <summary>API keys of the caller's tenant (the caller needs the <c>admin</c> scope).</summary>
public sealed class KeysClient
{
    private readonly ApiConnection _api;

    internal KeysClient(ApiConnection api) => _api = api;

    /// <summary>The tenant's keys, revoked ones included.</summary>
    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        _api.SendAsync<IReadOnlyList<ApiKey>>(ApiRoutes.ListKeys, ApiRoutes.ListKeys.Path(), null, cancellationToken);

    /// <summary>Creates a key with <paramref name="scopes"/> (see <see cref="ApiScopes"/>); the answer holds the key, once.</summary>
    public Task<CreatedApiKey> CreateAsync(string name, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<CreatedApiKey>(ApiRoutes.CreateKey, ApiRoutes.CreateKey.Path(), ApiConnection.Json(new { name, scopes, expiresAt }), cancellationToken);

    /// <summary>Revokes a key; every process of the platform stops accepting it within a second.</summary>
    public Task RevokeAsync(ApiKeyId id, CancellationToken cancellationToken = default) =>
        _api.SendAsync(ApiRoutes.RevokeKey, ApiRoutes.RevokeKey.Path(id), null, cancellationToken);
}
