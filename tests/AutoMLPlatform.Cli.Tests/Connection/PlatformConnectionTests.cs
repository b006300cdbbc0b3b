using AutoMLPlatform.Cli.Connection;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Cli.Tests.Connection;

/// <summary>Where the URL and key come from: flag, then environment, then the profile, then the defaults.</summary>
public class PlatformConnectionTests
{
    private TempDirectory _directory = null!;
    private string _profiles = null!;

    [SetUp]
    public void WriteProfiles()
    {
        _directory = new TempDirectory();
        _profiles = _directory.File("config.json");
        File.WriteAllText(_profiles, """
            {
              // comments are allowed
              "profiles": {
                "default": { "url": "http://default.example:5000", "key": "default-key" },
                "prod": { "url": "https://prod.example", "key": "prod-key" }
              }
            }
            """);
    }

    [TearDown]
    public void Remove() => _directory.Dispose();

    [Test]
    public void Flags_win_over_environment_and_profile()
    {
        var connection = PlatformConnection.Resolve("http://flag.example", "flag-key", "prod", Environment(("AUTOMLPLATFORM_URL", "http://env.example"), ("AUTOMLPLATFORM_KEY", "env-key")));

        Assert.That(connection, Is.EqualTo(new PlatformConnection(new Uri("http://flag.example"), "flag-key")));
    }

    [Test]
    public void The_environment_wins_over_the_profile()
    {
        var connection = PlatformConnection.Resolve(null, null, "prod", Environment(("AUTOMLPLATFORM_URL", "http://env.example"), ("AUTOMLPLATFORM_KEY", "env-key")));

        Assert.That(connection, Is.EqualTo(new PlatformConnection(new Uri("http://env.example"), "env-key")));
    }

    [Test]
    public void A_named_profile_is_used_when_neither_flag_nor_environment_says()
    {
        var connection = PlatformConnection.Resolve(null, null, null, Environment(("AUTOMLPLATFORM_PROFILE", "prod")));

        Assert.That(connection, Is.EqualTo(new PlatformConnection(new Uri("https://prod.example"), "prod-key")));
    }

    [Test]
    public void The_default_profile_is_used_when_none_is_named()
    {
        var connection = PlatformConnection.Resolve(null, null, null, Environment());

        Assert.That(connection, Is.EqualTo(new PlatformConnection(new Uri("http://default.example:5000"), "default-key")));
    }

    [Test]
    public void A_profile_that_is_not_in_the_file_is_a_usage_error_naming_the_file()
    {
        Assert.That(() => PlatformConnection.Resolve(null, null, "staging", Environment()),
            Throws.TypeOf<CliUsageException>().With.Message.Contains("'staging'").And.Message.Contains(_profiles));
    }

    [Test]
    public void A_profile_file_that_is_not_json_is_a_usage_error_naming_it()
    {
        File.WriteAllText(_profiles, "profiles: yes");

        Assert.That(() => PlatformConnection.Resolve(null, null, null, Environment()), Throws.TypeOf<CliUsageException>().With.Message.Contains(_profiles));
    }

    private Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var all = variables.ToDictionary(v => v.Name, v => v.Value);
        all["AUTOMLPLATFORM_CONFIG"] = _profiles;
        return name => all.GetValueOrDefault(name);
    }
}
