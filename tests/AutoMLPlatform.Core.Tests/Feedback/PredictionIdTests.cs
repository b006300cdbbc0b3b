using AutoMLPlatform.Core.Feedback;

namespace AutoMLPlatform.Core.Tests.Feedback;

public class PredictionIdTests
{
    [Test]
    public void A_new_id_is_a_version_7_uuid_that_carries_its_prediction_time_to_the_millisecond()
    {
        var at = new DateTimeOffset(2026, 12, 7, 10, 45, 12, 345, TimeSpan.Zero).AddTicks(6789);
        var id = PredictionId.New(at);

        Assert.Multiple(() =>
        {
            Assert.That(id.Value.Version, Is.EqualTo(7));
            Assert.That(id.Value.Variant, Is.InRange(8, 11), "the RFC 9562 variant, 10xx");
            Assert.That(id.TryGetTime(out var time), Is.True);
            Assert.That(time, Is.EqualTo(new DateTimeOffset(2026, 12, 7, 10, 45, 12, 345, TimeSpan.Zero)));
            Assert.That(id.ToString(), Does.StartWith(Guid.CreateVersion7(at).ToString()[..13]), "the same layout as .NET's own version 7 ids");
        });
    }

    [Test]
    public void Ids_of_one_millisecond_differ_and_sort_by_time_across_milliseconds()
    {
        var at = DateTimeOffset.UtcNow;
        var same = Enumerable.Range(0, 100_000).Select(_ => PredictionId.New(at)).ToHashSet();
        var earlier = PredictionId.New(at.AddMilliseconds(-1)).ToString();
        var later = PredictionId.New(at.AddMilliseconds(1)).ToString();

        Assert.Multiple(() =>
        {
            Assert.That(same, Has.Count.EqualTo(100_000));
            Assert.That(same.All(id => string.CompareOrdinal(earlier, id.ToString()) < 0 && string.CompareOrdinal(id.ToString(), later) < 0), Is.True);
        });
    }

    [Test]
    public void An_id_of_another_version_carries_no_time()
    {
        Assert.That(PredictionId.FromGuid(Guid.NewGuid()).TryGetTime(out _), Is.False);
    }
}
