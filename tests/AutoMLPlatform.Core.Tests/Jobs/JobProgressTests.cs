using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Core.Tests.Jobs;

public class JobProgressTests
{
    // The stores' options: enums as camel-case strings.
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    [Test]
    public void A_phase_is_shown_as_a_word_and_a_training_phase_with_its_epoch()
    {
        var searching = JobProgress.Queued.In(JobPhase.Searching);
        var training = JobProgress.Queued with { Phase = JobPhase.Training, Epoch = 3, PlannedEpochs = 10 };

        Assert.Multiple(() =>
        {
            Assert.That(searching.Describe(), Is.EqualTo("searching"));
            Assert.That(training.Describe(), Is.EqualTo("training, epoch 3 of 10"));
            Assert.That(training.In(JobPhase.Registering).Describe(), Is.EqualTo("registering"), "the epoch ends with the training phase");
        });
    }

    [Test]
    public void A_progress_round_trips_through_the_stores_json_and_a_row_written_as_free_text_still_reads()
    {
        var training = JobProgress.Queued with { Phase = JobPhase.Training, Epoch = 3, PlannedEpochs = 10, TrialsDone = 2 };
        var json = JsonSerializer.Serialize(training, Stored);
        var legacy = json.Replace("\"phase\":\"training\"", "\"phase\":\"training, epoch 3 of 10\"", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("\"phase\":\"training\""));
            Assert.That(JsonSerializer.Deserialize<JobProgress>(json, Stored), Is.EqualTo(training));
            Assert.That(legacy, Is.Not.EqualTo(json));
            Assert.That(JsonSerializer.Deserialize<JobProgress>(legacy, Stored)!.Phase, Is.EqualTo(JobPhase.Training));
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JobProgress>(json.Replace("\"training\"", "\"napping\"", StringComparison.Ordinal), Stored));
        });
    }
}
