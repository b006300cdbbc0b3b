using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>What a job is doing; the console and the CLI show it (with the epoch while a network trains, <see cref="JobProgress.Describe"/>).</summary>
public enum JobPhase
{
    Queued,
    Starting,
    Loading,
    Searching,
    Training,
    Registering,
    Done,
    Failed,
    Cancelled,
}

/// <summary>
/// Writes a phase as its lower-case name (on <see cref="JobProgress.Phase"/>, where it wins over a serializer's enum converter). Reads that, and the free text rows stored before phases were an enum held
/// (<c>training, epoch 3 of 10</c>): the leading word names the phase.
/// </summary>
public sealed class JobPhaseJsonConverter : JsonConverter<JobPhase>
{
    public override JobPhase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? "";
        var word = text.Split(',', 2)[0].Trim();
        return Enum.TryParse<JobPhase>(word, ignoreCase: true, out var phase)
            ? phase
            : throw new JsonException($"'{text}' is not a job phase.");
    }

    public override void Write(Utf8JsonWriter writer, JobPhase value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString().ToLowerInvariant());
    }
}
