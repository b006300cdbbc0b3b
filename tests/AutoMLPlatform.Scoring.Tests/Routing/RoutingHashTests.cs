using AutoMLPlatform.Scoring.Routing;

namespace AutoMLPlatform.Scoring.Tests.Routing;

public class RoutingHashTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 10_000).Select(i => $"customer-{i}").ToArray();

    [Test]
    public void A_canary_at_10_percent_takes_10_percent_plus_or_minus_2_of_10000_keys()
    {
        var buckets = RoutingHash.BucketsFor(10);

        var toCanary = Keys.Count(k => RoutingHash.Bucket("credit", "production", k) < buckets);

        Assert.That(toCanary, Is.InRange(800, 1200));
    }

    [Test]
    public void A_key_lands_in_the_same_bucket_every_time_and_in_every_process()
    {
        var first = Keys.Select(k => RoutingHash.Bucket("credit", "production", k)).ToArray();

        var again = Keys.Select(k => RoutingHash.Bucket("credit", "production", k)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            // Pinned: FNV-1a 64 of "credit\nproduction\ncustomer-42" then fmix64, scaled to 10,000. A different value means
            // every customer would be reshuffled between versions by an upgrade, which the hash must never do.
            Assert.That(RoutingHash.Bucket("credit", "production", "customer-42"), Is.EqualTo(PinnedBucket));
        });
    }

    [Test]
    public void Raising_the_percent_keeps_every_key_the_canary_already_had()
    {
        var at10 = Keys.Where(k => RoutingHash.Bucket("credit", "production", k) < RoutingHash.BucketsFor(10)).ToArray();

        var at25 = Keys.Where(k => RoutingHash.Bucket("credit", "production", k) < RoutingHash.BucketsFor(25)).ToHashSet();

        Assert.That(at10.All(at25.Contains) && at25.Count > at10.Length, Is.True);
    }

    [Test]
    public void Another_alias_or_model_splits_the_same_keys_into_another_population()
    {
        var buckets = RoutingHash.BucketsFor(50);

        var production = Keys.Select(k => RoutingHash.Bucket("credit", "production", k) < buckets).ToArray();
        var staging = Keys.Select(k => RoutingHash.Bucket("credit", "staging", k) < buckets).ToArray();
        var agreeing = production.Zip(staging).Count(p => p.First == p.Second);

        Assert.That(agreeing, Is.InRange(4_700, 5_300), "independent halves agree on about half the keys");
    }

    [TestCase(0.0, 0)]
    [TestCase(100.0, 10_000)]
    [TestCase(12.34, 1_234)]
    [TestCase(0.005, 1)]
    public void A_percent_covers_its_share_of_the_buckets(double percent, int buckets) =>
        Assert.That(RoutingHash.BucketsFor(percent), Is.EqualTo(buckets));

    private const int PinnedBucket = 9837;
}
