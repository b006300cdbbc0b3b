using System.Globalization;
using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Cli.Bench;

/// <summary>One stderr line per epoch of a Torch network.</summary>
internal sealed class EpochWriter(TextWriter stderr) : IProgress<EpochReport>
{
    public void Report(EpochReport value) => stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"[{value.Elapsed.TotalSeconds,6:F1}s] epoch {value.Epoch} of {value.PlannedEpochs}: train loss {value.TrainLoss:F4}, validation accuracy {value.ValidationAccuracy:F4}{(value.IsBest ? " (best)" : "")}"));
}
