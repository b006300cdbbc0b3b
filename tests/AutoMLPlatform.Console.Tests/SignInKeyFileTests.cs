using AutoMLPlatform.TestSupport;
using OpenQA.Selenium;

namespace AutoMLPlatform.Console.Tests;

/// <summary>
/// A new platform writes its first admin key to a file under its data directory, which depends on where and how it
/// was started; the sign-in page names that file, not a path that may not be this server's.
/// </summary>
public class SignInKeyFileTests
{
    [Test]
    public async Task The_sign_in_page_names_the_file_a_new_platform_wrote_its_key_to_and_that_key_signs_in()
    {
        Assert.That(Browser.IsInstalled, Is.True, "run tools/setup.sh");
        using var platform = await PlatformProcess.StartAsync(settings: new Dictionary<string, string> { [TestKeys.BootstrapSetting] = "" });
        using var browser = new Browser(platform.BaseAddress);
        var file = Path.Combine(platform.DataDirectory, "secrets", "bootstrap.key");

        browser.Open();
        browser.Until(d => d.FindElements(By.CssSelector("#key-file code")).Any(e => e.Text == file), $"the sign-in text to name {file}");
        browser.Screenshot("key-file");
        browser.SignIn(File.ReadAllText(file).Trim());

        Assert.That(browser.WaitFor("#upload-form").Displayed, Is.True);
    }
}
