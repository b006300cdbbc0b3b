using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Keys;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AutoMLPlatform.Security.Tests.Keys;

public class ApiKeyValidatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_key_is_answered_from_the_cache_only_after_it_was_validated_once()
    {
        await using var stores = await PlatformStores.StartAsync();
        var (validator, _, keys) = Create(stores);
        var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "ci", ApiScopes.Predict, Start, null);
        await keys.TryCreateAsync(stored, CancellationToken.None);

        var cachedBefore = validator.TryGetCached(key, out _);
        var validated = await validator.ValidateAsync(key, CancellationToken.None);
        var cachedAfter = validator.TryGetCached(key.AsSpan(), out var cached);

        Assert.Multiple(() =>
        {
            Assert.That(cachedBefore, Is.False);
            Assert.That(validated, Is.EqualTo(new ApiCaller(stored.Id, TenantId.Default, ApiScopes.Predict)));
            Assert.That(cachedAfter, Is.True);
            Assert.That(cached, Is.SameAs(validated), "one caller instance per cached key, so per-caller work can be kept");
        });
    }

    [Test]
    public async Task A_revoked_key_keeps_working_only_until_its_cache_duration_ends()
    {
        await using var stores = await PlatformStores.StartAsync();
        var (validator, clock, keys) = Create(stores);
        var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "ci", ApiScopes.Predict, Start, null);
        await keys.TryCreateAsync(stored, CancellationToken.None);
        await validator.ValidateAsync(key, CancellationToken.None);

        await keys.RevokeAsync(TenantId.Default, stored.Id, Start, CancellationToken.None);
        var withinDuration = validator.TryGetCached(key, out _);
        clock.Advance(new SecurityOptions().KeyCacheDuration);
        var cachedAfter = validator.TryGetCached(key, out _);
        var validatedAfter = await validator.ValidateAsync(key, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(withinDuration, Is.True);
            Assert.That(cachedAfter, Is.False);
            Assert.That(validatedAfter, Is.Null);
        });
    }

    [Test]
    public async Task A_key_that_expires_stops_working_at_its_expiry_even_inside_its_cache_duration()
    {
        await using var stores = await PlatformStores.StartAsync();
        var (validator, clock, keys) = Create(stores);
        var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "ci", ApiScopes.Predict, Start, Start.AddMilliseconds(500));
        await keys.TryCreateAsync(stored, CancellationToken.None);
        await validator.ValidateAsync(key, CancellationToken.None);

        clock.Advance(TimeSpan.FromMilliseconds(600));
        var cached = validator.TryGetCached(key, out _);
        var validated = await validator.ValidateAsync(key, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(cached, Is.False);
            Assert.That(validated, Is.Null);
        });
    }

    [Test]
    public async Task An_unknown_key_is_not_remembered_so_it_works_as_soon_as_it_is_stored()
    {
        await using var stores = await PlatformStores.StartAsync();
        var (validator, _, keys) = Create(stores);
        var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "ci", ApiScopes.Read, Start, null);

        var unknown = await validator.ValidateAsync(key, CancellationToken.None);
        var cachedWhileUnknown = validator.TryGetCached(key, out _);
        await keys.TryCreateAsync(stored, CancellationToken.None);
        var known = await validator.ValidateAsync(key, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(unknown, Is.Null);
            Assert.That(cachedWhileUnknown, Is.False);
            Assert.That(known?.KeyId, Is.EqualTo(stored.Id));
        });
    }

    private static (ApiKeyValidator Validator, FakeTimeProvider Clock, IApiKeyStore Keys) Create(PlatformStores stores)
    {
        var clock = new FakeTimeProvider(Start);
        var keys = stores.Services.GetRequiredService<IApiKeyStore>();
        return (new ApiKeyValidator(keys, clock, Options.Create(new SecurityOptions())), clock, keys);
    }
}
