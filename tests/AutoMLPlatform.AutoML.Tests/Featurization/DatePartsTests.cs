using AutoMLPlatform.AutoML.Featurization;

namespace AutoMLPlatform.AutoML.Tests.Featurization;

public class DatePartsTests
{
    [Test]
    public void A_date_time_is_split_into_calendar_parts()
    {
        var output = new DatePartsOutput();

        DateParts.Map(new DatePartsInput { Text = "2021-12-31T18:30:00" }, output);

        Assert.Multiple(() =>
        {
            Assert.That(output.Parts[..7], Is.EqualTo(new float[] { 2021, 12, 31, (float)DayOfWeek.Friday, 365, 18, 30 }));
            Assert.That(output.Parts[7], Is.EqualTo((float)(new DateTime(2021, 12, 31, 18, 30, 0) - new DateTime(2000, 1, 1)).TotalDays));
            Assert.That(output.Missing, Is.Zero);
        });
    }

    [Test]
    public void A_time_with_an_offset_is_read_in_utc()
    {
        var output = new DatePartsOutput();

        DateParts.Map(new DatePartsInput { Text = "2021-12-31T23:30:00-02:00" }, output);

        Assert.That(output.Parts[..3], Is.EqualTo(new float[] { 2022, 1, 1 }));
    }

    [TestCase("")]
    [TestCase("not a date")]
    public void An_empty_or_unreadable_value_is_missing(string text)
    {
        var output = new DatePartsOutput();

        DateParts.Map(new DatePartsInput { Text = text }, output);

        Assert.Multiple(() =>
        {
            Assert.That(output.Parts, Has.All.NaN);
            Assert.That(output.Missing, Is.EqualTo(1));
        });
    }
}
