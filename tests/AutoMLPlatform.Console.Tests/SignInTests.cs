using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Console.Tests;

public class SignInTests : ConsoleFixture
{
    [Test]
    public void A_wrong_key_is_refused_with_a_message_that_says_so()
    {
        Browser.SignIn("amlp_wrong0123456789abcdef0123456789abcdef");

        var error = Browser.WaitFor("#sign-in-error");
        Assert.Multiple(() =>
        {
            Assert.That(error.Text, Does.Contain("did not accept this API key"));
            Assert.That(Browser.Find("#nav").Displayed, Is.False, "the sections stay hidden");
        });
        Browser.Screenshot("wrong-key");
    }

    [Test]
    public void The_right_key_opens_the_datasets_page()
    {
        Browser.SignIn(TestKeys.Admin);

        Browser.WaitFor("#upload-form");
        Assert.That(Browser.Driver.Url, Does.EndWith("#/datasets"));
        Browser.Screenshot("signed-in");
    }

    [Test]
    public void A_platform_whose_key_came_from_the_environment_says_it_has_no_key_file()
    {
        var file = Path.Combine(Platform.DataDirectory, "secrets", "bootstrap.key");

        Browser.Open();

        Browser.Until(d => d.FindElement(OpenQA.Selenium.By.CssSelector("#key-file")).Text.Contains($"no key file at {file}", StringComparison.Ordinal),
            $"the sign-in text to say there is no key file at {file}");
        Assert.That(Browser.Find("#key-file").Text, Does.Contain("AUTOMLPLATFORM_BOOTSTRAP_KEY"));
    }
}
