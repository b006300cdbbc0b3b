using AutoMLPlatform.TestSupport;
using OpenQA.Selenium;

namespace AutoMLPlatform.Console.Tests;

/// <summary>A search split from the train form, on the embedded platform (one job at a time), and its parts on the job page.</summary>
[Category("Slow")]
public class JobPartsTests : ConsoleFixture
{
    [Test]
    public async Task A_search_split_in_two_on_one_worker_shows_part_1_taken_over_by_the_jobs_own_worker()
    {
        var dataset = await Platform.UploadAsync(TestTables.BinaryCsv(300), "split");
        Browser.SignIn(TestKeys.Admin);
        Browser.Open($"#/datasets/{dataset}");

        Browser.WaitFor("#train-form");
        Choose("#job-label", "y");
        Browser.Find("#job-budget").Clear();
        Browser.Find("#job-budget").SendKeys("6");
        Choose("#job-parallelism", "2");
        Browser.Find("#job-submit").Click();
        Browser.Until(d => d.FindElement(By.CssSelector("#job-status")).Text is "succeeded" or "failed" or "cancelled",
            "the job to finish", TimeSpan.FromMinutes(2));

        var rows = Browser.FindAll("#job-parts tbody tr").Select(r => r.Text).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Find("#job-status").Text, Is.EqualTo("succeeded"));
            Assert.That(rows, Has.Length.EqualTo(2));
            Assert.That(rows[0], Does.StartWith("0 succeeded"));
            Assert.That(rows[1], Does.StartWith("1 abandoned").And.Contain("the worker that holds the job searched its trainers"));
        });
        Browser.Screenshot("job-parts");
    }

    private void Choose(string select, string value) =>
        Browser.Find(select).FindElements(By.TagName("option")).Single(o => o.GetAttribute("value") == value).Click();
}
