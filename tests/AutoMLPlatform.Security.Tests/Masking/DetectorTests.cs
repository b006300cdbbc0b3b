using AutoMLPlatform.Security.Masking;

namespace AutoMLPlatform.Security.Tests.Masking;

public class DetectorTests
{
    [TestCase("jane.doe@example.com", true)]
    [TestCase("o'brien+tag@mail.co.uk", true)]
    [TestCase("not an email", false)]
    [TestCase("a@b", false)]
    public void Emails_are_recognised(string value, bool expected) => Assert.That(new EmailDetector().Matches(value), Is.EqualTo(expected));

    [TestCase("+44 20 7946 0958", true)]
    [TestCase("(555) 123-4567", true)]
    [TestCase("030-1234567", true)]
    [TestCase("12345678", false)]
    [TestCase("2024-01-15", false)]
    [TestCase("3.14159", false)]
    public void Phone_numbers_are_recognised_but_bare_numbers_and_dates_are_not(string value, bool expected) =>
        Assert.That(new PhoneDetector().Matches(value), Is.EqualTo(expected));

    [TestCase("4111 1111 1111 1111", true)]
    [TestCase("5500-0000-0000-0004", true)]
    [TestCase("4111 1111 1111 1112", false)]
    [TestCase("1234", false)]
    public void Card_numbers_must_pass_luhn(string value, bool expected) => Assert.That(new PaymentCardDetector().Matches(value), Is.EqualTo(expected));

    [TestCase("GB82 WEST 1234 5698 7654 32", true)]
    [TestCase("DE89370400440532013000", true)]
    [TestCase("DE89370400440532013001", false)]
    [TestCase("XX", false)]
    public void Ibans_must_pass_mod_97(string value, bool expected) => Assert.That(new IbanDetector().Matches(value), Is.EqualTo(expected));

    [TestCase("jane.doe@example.com", "j***@e***.com")]
    [TestCase("+44 20 7946 0958", "+***8")]
    [TestCase("abc", "****")]
    public void Values_are_masked_to_their_shape(string value, string expected) => Assert.That(ValueMasker.Mask(value), Is.EqualTo(expected));

    [Test]
    public void Keyed_hashes_are_stable_per_key_and_differ_between_keys()
    {
        var first = new KeyedHasher([1, 2, 3]).Hash("jane@example.com");
        var again = new KeyedHasher([1, 2, 3]).Hash("jane@example.com");
        var otherKey = new KeyedHasher([4, 5, 6]).Hash("jane@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(otherKey, Is.Not.EqualTo(first));
            Assert.That(first, Does.Not.Contain("jane"));
        });
    }

    [Test]
    public void A_missing_value_stays_missing_under_a_keyed_hash() => Assert.That(new KeyedHasher([1, 2, 3]).Hash(""), Is.Empty);
}
