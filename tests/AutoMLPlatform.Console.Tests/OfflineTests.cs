using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Console.Tests;

/// <summary>The console must work on a machine with no way out: every script, style and font comes from the server.</summary>
public class OfflineTests : ConsoleFixture
{
    [TestCase("#/datasets")]
    [TestCase("#/jobs")]
    [TestCase("#/models")]
    [TestCase("#/pipelines")]
    public void A_page_loads_nothing_from_outside_the_server(string route)
    {
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");

        Browser.Open(route);
        Browser.WaitFor("#view h1");

        Assert.Multiple(() =>
        {
            Assert.That(Browser.ForeignAddresses(), Is.Empty);
            Assert.That(Browser.Driver.ExecuteJavaScript<bool>("return typeof window.Chart === 'function';"), Is.True, "the charting library was served");
        });
    }

    [Test]
    public async Task The_console_is_served_with_a_policy_that_forbids_other_origins()
    {
        using var http = new HttpClient { BaseAddress = Platform.BaseAddress };

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.IsSuccessStatusCode, Is.True, "the page needs no key");
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'self'"));
        });
    }
}

internal static class ScriptExtensions
{
    public static T ExecuteJavaScript<T>(this OpenQA.Selenium.IWebDriver driver, string script) =>
        (T)((OpenQA.Selenium.IJavaScriptExecutor)driver).ExecuteScript(script)!;
}
