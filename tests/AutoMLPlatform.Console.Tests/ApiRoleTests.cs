using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Console.Tests;

/// <summary>Scaled out, the console comes with the API: a process in the <c>api</c> role serves it and signs in.</summary>
[Category("Postgres")]
public class ApiRoleTests
{
    [Test]
    public async Task A_process_in_the_api_role_serves_the_console()
    {
        Assert.That(Browser.IsInstalled, Is.True, "run tools/setup.sh");
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            using var platform = await PlatformProcess.StartAsync("api", new Dictionary<string, string>
            {
                ["AutoMLPlatform:Provider"] = "Postgres",
                ["AutoMLPlatform:ConnectionString"] = database,
            });
            using var browser = new Browser(platform.BaseAddress);

            browser.SignIn(TestKeys.Admin);

            Assert.That(browser.WaitFor("#upload-form").Displayed, Is.True);
            browser.Screenshot("api-role");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
