using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.PredictionLog;

/// <summary>A model reading <c>phone</c> as a keyed hash, logged at 100 %: the log keeps what the model saw, never the raw number.</summary>
[Category("Slow")]
public class KeyedHashLoggingTests
{
    [Test]
    public async Task A_keyed_hash_column_is_logged_as_its_hash_and_no_raw_value_reaches_the_disk()
    {
        using var directory = new TempDirectory();
        await using (var stores = await PlatformStores.StartAsync(directory.Path))
        {
            await RegisteredModels.TrainAndRegisterAsync(stores, HashedTables.CustomersCsv(), "y", "customers", trainer: "Lbfgs", hashed: "phone");
        }

        using var host = await ScoringHost.StartAsync(directory, versions: 0);
        using var client = host.CreateClient();
        await LoggedRows.SwitchOnAsync(client, "customers");
        using var response = await host.PostJsonAsync(client, "/api/predict/customers", $$"""{"phone": "{{HashedTables.NoCustomer}}", "x": 0.5}""");
        var id = PredictionId.Parse((string)(await ScoringHost.ReadObjectAsync(response))["predictionId"]!);
        var stored = await LoggedRows.WaitForAsync(host.Services, "customers", [id]);
        var hasher = await host.Services.GetRequiredService<IKeyedHasherSource>().ForTenantAsync(TenantId.Default, CancellationToken.None);
        var raw = System.Text.Encoding.UTF8.GetBytes(HashedTables.NoCustomer);
        var filesWithRaw = Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(raw) >= 0).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.Parse(stored[id])!["phone"]!.GetValue<string>(), Is.EqualTo(hasher.Hash(HashedTables.NoCustomer)));
            Assert.That(stored[id], Does.Not.Contain(HashedTables.NoCustomer));
            Assert.That(filesWithRaw, Is.Empty);
        });
    }
}
