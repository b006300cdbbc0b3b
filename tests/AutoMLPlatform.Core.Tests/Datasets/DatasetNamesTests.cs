using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.Core.Tests.Datasets;

public class DatasetNamesTests
{
    [TestCase("credit data.csv", "credit data")]
    [TestCase("../../etc/passwd", "passwd")]
    [TestCase("ümlaut!!.csv", "mlaut")]
    [TestCase("***.csv", "dataset")]
    public void A_name_is_made_from_a_file_name_when_none_is_given(string fileName, string expected)
    {
        Assert.That(DatasetNames.FromFileName(fileName), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase(" leading-space")]
    [TestCase("semi;colon")]
    public void Names_outside_the_rule_are_refused(string name)
    {
        Assert.Throws<InvalidInputException>(() => DatasetNames.Validate(name));
    }
}
