using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Keys;

namespace AutoMLPlatform.Security.Tests.Keys;

public class ApiKeyFactoryTests
{
    [Test]
    public void A_new_key_carries_256_random_bits_and_is_stored_only_as_its_hash()
    {
        var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "ci", ApiScopes.Train, DateTimeOffset.UnixEpoch, null);
        var (other, _) = ApiKeyFactory.Create(TenantId.Default, "ci", ApiScopes.Train, DateTimeOffset.UnixEpoch, null);

        Assert.Multiple(() =>
        {
            Assert.That(key, Does.StartWith(ApiKeyFactory.Prefix));
            Assert.That(key.Length - ApiKeyFactory.Prefix.Length, Is.EqualTo(43), "32 bytes in unpadded base64url");
            Assert.That(other, Is.Not.EqualTo(key));
            Assert.That(stored.Sha256, Is.EqualTo(ApiKeyFactory.Hash(key)).And.Not.Contain(key));
        });
    }

    [TestCase(null)]
    [TestCase("short")]
    [TestCase("has a space in the middle of it, quite long enough")]
    public void Malformed_keys_are_refused_before_any_lookup(string? key) => Assert.That(ApiKeyFactory.IsWellFormed(key), Is.False);

    [TestCase(ApiScopes.Admin, ApiScopes.Admin | ApiScopes.Train | ApiScopes.Predict | ApiScopes.Read | ApiScopes.Feedback)]
    [TestCase(ApiScopes.Train, ApiScopes.Train | ApiScopes.Read | ApiScopes.Feedback)]
    [TestCase(ApiScopes.Predict, ApiScopes.Predict)]
    [TestCase(ApiScopes.Feedback, ApiScopes.Feedback)]
    public void Broader_scopes_include_narrower_ones(ApiScopes granted, ApiScopes effective) =>
        Assert.That(ApiScopeNames.Effective(granted), Is.EqualTo(effective));
}
