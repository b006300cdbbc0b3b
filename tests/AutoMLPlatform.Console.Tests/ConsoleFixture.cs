using NUnit.Framework.Interfaces;

namespace AutoMLPlatform.Console.Tests;

/// <summary>
/// One platform process and one browser per fixture. Each test starts signed out (a fresh page, the session's key
/// forgotten); a failing test gets a screenshot of where it stopped and the server's log attached.
/// </summary>
public abstract class ConsoleFixture
{
    protected PlatformProcess Platform { get; private set; } = null!;

    protected Browser Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartPlatformAndBrowser()
    {
        Assert.That(Browser.IsInstalled, Is.True, $"{Browser.ChromiumPath} and {Browser.ChromeDriverPath} are needed: run tools/setup.sh.");
        Platform = await PlatformProcess.StartAsync();
        Browser = new Browser(Platform.BaseAddress);
    }

    [SetUp]
    public void SignedOut()
    {
        Browser.Open();
        Browser.Driver.Manage().Cookies.DeleteAllCookies();
        ((OpenQA.Selenium.IJavaScriptExecutor)Browser.Driver).ExecuteScript("sessionStorage.clear();");
        Browser.Open();
    }

    [TearDown]
    public void AttachEvidenceOfFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Failed)
        {
            return;
        }

        Browser.Screenshot("at-failure");
        var log = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.MethodName}-server.log");
        File.Copy(Platform.LogPath, log, overwrite: true);
        TestContext.AddTestAttachment(log, "server log");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        Browser?.Dispose();
        Platform?.Dispose();
    }
}
