using System.Net;
using System.Text;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Access;

public class EncryptionAndAuditTests
{
    [Test]
    public async Task Files_under_the_data_directory_hold_no_plaintext_row_of_an_upload()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var csv = await File.ReadAllTextAsync(RepositoryPaths.SharedDataset("credit", "train.csv"));
        var rows = csv.Split('\n').Skip(1).Where(r => r.Length > 20).Take(50).ToArray();

        await api.UploadOkAsync("credit.csv", csv, "credit");
        var onDisk = Directory.GetFiles(Path.Combine(factory.DataDirectory, "blobs"), "*", SearchOption.AllDirectories)
            .Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(onDisk, Is.Not.Empty);
            Assert.That(rows.Where(row => onDisk.Any(content => content.Contains(row, StringComparison.Ordinal))), Is.Empty);
        });
    }

    [Test]
    public async Task Changes_are_audited_with_key_action_target_and_outcome_and_the_chain_verifies()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("t.csv", "a,b\n1,x\n2,y\n", "small");
        using var refused = await api.PostJsonAsync("/api/jobs", new { datasetId = (string)dataset["id"]!, label = "nope" });

        var entries = (await api.GetObjectAsync("/api/audit"))["items"]!.AsArray();
        var verification = await api.GetObjectAsync("/api/audit/verify");

        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => (string?)e!["action"]), Is.EquivalentTo(new[] { "job.submit", "dataset.upload" }));
            Assert.That((string?)entries[0]!["outcome"], Is.EqualTo("refused 400"));
            Assert.That((string?)entries[1]!["target"], Does.Contain((string?)dataset["id"]));
            Assert.That((string?)entries[1]!["keyId"], Is.Not.Null);
            Assert.That((bool?)verification["intact"], Is.True);
        });
    }

    [Test]
    public async Task An_audit_entry_edited_in_the_database_is_reported_by_verify()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        await api.UploadOkAsync("t.csv", "a,b\n1,x\n2,y\n", "one");
        await api.UploadOkAsync("t.csv", "a,b\n1,x\n3,y\n", "two");

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "automlplatform.db")}"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE audit_log SET target = 'dataset/somebody-else' WHERE sequence = 1";
            await edit.ExecuteNonQueryAsync();
        }

        var verification = await api.GetObjectAsync("/api/audit/verify");

        Assert.Multiple(() =>
        {
            Assert.That((bool?)verification["intact"], Is.False);
            Assert.That((long?)verification["brokenAt"], Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Audit_entries_deleted_from_the_newest_end_are_reported_by_verify()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        await api.UploadOkAsync("t.csv", "a,b\n1,x\n2,y\n", "one");
        await api.UploadOkAsync("t.csv", "a,b\n1,x\n3,y\n", "two");

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "automlplatform.db")}"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM audit_log WHERE sequence = (SELECT MAX(sequence) FROM audit_log)";
            await delete.ExecuteNonQueryAsync();
        }

        var verification = await api.GetObjectAsync("/api/audit/verify");

        Assert.Multiple(() =>
        {
            Assert.That((bool?)verification["intact"], Is.False);
            Assert.That((string?)verification["reason"], Does.Contain("newest entries were removed"));
        });
    }

    [Test]
    public async Task A_server_given_the_wrong_master_key_refuses_to_start_and_says_why()
    {
        using var directory = new TempDirectory();
        using (var first = await ServerProcess.StartAsync(directory.Path, new Dictionary<string, string>()))
        using (var api = first.Api())
        {
            await api.UploadOkAsync("t.csv", "a,b\n1,x\n2,y\n", "small");
        }

        var wrongKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var error = Assert.ThrowsAsync<InvalidOperationException>(() =>
            ServerProcess.StartAsync(directory.Path, new Dictionary<string, string> { ["AutoMLPlatform:Security:MasterKey"] = wrongKey }));

        Assert.That(await File.ReadAllTextAsync(error!.Message.Split("see ")[1].TrimEnd('.')), Does.Contain("master key"));
    }

    [Test]
    public async Task Rotating_the_master_key_rewraps_data_keys_and_keeps_every_file_readable()
    {
        using var directory = new TempDirectory();
        var oldKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var newKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        const string Csv = "a,b\n1,x\n2,y\n";
        string id;
        using (var first = await ServerProcess.StartAsync(directory.Path, new Dictionary<string, string> { ["AutoMLPlatform:Security:MasterKey"] = oldKey }))
        using (var api = first.Api())
        {
            id = (string)(await api.UploadOkAsync("t.csv", Csv, "small"))["id"]!;
        }

        string rotatedLog;
        using (var rotating = await ServerProcess.StartAsync(directory.Path, new Dictionary<string, string>
        {
            ["AutoMLPlatform:Security:MasterKey"] = newKey,
            ["AutoMLPlatform:Security:PreviousMasterKey"] = oldKey,
        }))
        {
            rotatedLog = await File.ReadAllTextAsync(rotating.LogPath);
        }

        using var rotated = await ServerProcess.StartAsync(directory.Path, new Dictionary<string, string> { ["AutoMLPlatform:Security:MasterKey"] = newKey });
        using var client = rotated.Api();
        var content = await client.Http.GetStringAsync($"/api/datasets/{id}/versions/1/content");
        var oldKeyRefused = Assert.ThrowsAsync<InvalidOperationException>(() =>
            ServerProcess.StartAsync(directory.Path, new Dictionary<string, string> { ["AutoMLPlatform:Security:MasterKey"] = oldKey }));

        Assert.Multiple(() =>
        {
            Assert.That(rotatedLog, Does.Contain("re-wrapped 1 data keys"));
            Assert.That(content, Is.EqualTo(Csv), "the blob, never rewritten, opens with the re-wrapped data key");
            Assert.That(oldKeyRefused, Is.Not.Null, "the old key no longer opens anything");
        });
    }
}
