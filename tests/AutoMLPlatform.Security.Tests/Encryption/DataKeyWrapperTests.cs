using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Encryption;

namespace AutoMLPlatform.Security.Tests.Encryption;

public class DataKeyWrapperTests
{
    [Test]
    public void A_wrapped_key_unwraps_to_itself_under_the_same_master_key()
    {
        var master = MasterKey.Generate();
        var tenant = TenantId.New();
        var dataKey = DataKeyWrapper.NewDataKey();

        var unwrapped = DataKeyWrapper.Unwrap(DataKeyWrapper.Wrap(dataKey, tenant, master), tenant, master);

        Assert.That(unwrapped, Is.EqualTo(dataKey));
    }

    [Test]
    public void Another_master_key_is_refused_with_a_clear_error()
    {
        var tenant = TenantId.New();
        var wrapped = DataKeyWrapper.Wrap(DataKeyWrapper.NewDataKey(), tenant, MasterKey.Generate());

        var error = Assert.Throws<InvalidMasterKeyException>(() => DataKeyWrapper.Unwrap(wrapped, tenant, MasterKey.Generate()));

        Assert.That(error!.Message, Does.Contain("master key"));
    }

    [Test]
    public void A_wrapped_key_moved_to_another_tenant_does_not_open()
    {
        var master = MasterKey.Generate();
        var wrapped = DataKeyWrapper.Wrap(DataKeyWrapper.NewDataKey(), TenantId.New(), master);

        Assert.Throws<InvalidMasterKeyException>(() => DataKeyWrapper.Unwrap(wrapped, TenantId.New(), master));
    }

    [Test]
    public void A_master_key_round_trips_through_base64_and_keeps_its_id()
    {
        var master = MasterKey.Generate();

        var read = MasterKey.FromBase64(master.ToBase64(), "test");

        Assert.That(read.Id, Is.EqualTo(master.Id));
    }

    [TestCase("not base64!")]
    [TestCase("AAAA")]
    public void A_malformed_master_key_is_refused(string text)
    {
        Assert.Throws<InvalidMasterKeyException>(() => MasterKey.FromBase64(text, "test"));
    }
}
