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
}
