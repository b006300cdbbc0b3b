using System.Diagnostics;
using System.Globalization;
using AutoMLPlatform.AutoML.Budget;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Pretrained;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Pretrained.Text;

namespace AutoMLPlatform.AutoML.Experiment;

/// <summary>
/// Decides whether sentence embeddings fit the budget. Encoding costs about 7 ms of one core per 80-token text on
/// this network (measured on the project's 2-core machines: 140 texts/s with both cores), so 10,000 texts cost more
/// than a minute: the engine encodes a sample of the distinct texts, extrapolates, and offers embeddings only when
/// encoding them all fits in <see cref="BudgetShare"/> of the budget, leaving the rest for trials.
/// </summary>
internal static class EmbeddingPlanner
{
    /// <summary>Most of the budget encoding may take.</summary>
    public const double BudgetShare = 0.5;

    /// <summary>Texts per core encoded to measure the speed.</summary>
    private const int SamplePerCore = 4;

    /// <summary>
    /// Characters of text one core encodes per second at best: twice the 24,000 measured on the project's machines with
    /// nothing else running (72 texts of ~330 characters). Below that speed a corpus is known too large without loading
    /// the network (seconds of a short budget) just to measure.
    /// </summary>
    public const double FastestCharactersPerCoreSecond = 50_000;

    /// <summary>Characters of a text the encoder can read at most (128 tokens of about 4 characters).</summary>
    private const int MaxCharactersRead = 512;

    public static async Task<EmbeddingPlan> PlanAsync(PreparedExperiment experiment, ExperimentSettings settings, SearchBudget budget, CancellationToken cancellationToken)
    {
        var columns = experiment.Features.Where(d => d.Role == ColumnRole.Text).Select(d => d.Name).ToArray();
        if (settings.Pretrained is not { } networks || columns.Length == 0 || settings.RequireOnnx)
        {
            return EmbeddingPlan.None(columns.Length > 0 && settings.Pretrained is not null
                ? "sentence embeddings not offered: they have no ONNX form and ONNX is required" : null);
        }

        var texts = columns.SelectMany(c => ((StringColumn)experiment.Table[c]).Values).Distinct(StringComparer.Ordinal).ToArray();
        var characters = texts.Sum(t => (double)Math.Min(t.Length, MaxCharactersRead));
        var atBest = TimeSpan.FromSeconds(characters / (FastestCharactersPerCoreSecond * Environment.ProcessorCount));
        if (atBest > budget.Total * BudgetShare - budget.Elapsed)
        {
            return EmbeddingPlan.None(string.Create(CultureInfo.InvariantCulture,
                $"sentence embeddings ({settings.SentenceEncoder}) not offered: encoding {texts.Length:N0} distinct texts would take at least {atBest.TotalSeconds:F0} s, more than {BudgetShare:P0} of the {budget.Total.TotalSeconds:F0} s budget"));
        }

        var encoder = await Task.Run(() => networks.SentenceEncoder(settings.SentenceEncoder), cancellationToken).ConfigureAwait(false);
        var sample = texts.Take(SamplePerCore * Environment.ProcessorCount).ToArray();
        var started = Stopwatch.GetTimestamp();
        var vectors = await encoder.EmbedAllAsync(sample, cancellationToken).ConfigureAwait(false);
        var perText = Stopwatch.GetElapsedTime(started).TotalSeconds / Math.Max(1, sample.Length);
        var estimate = TimeSpan.FromSeconds(perText * (texts.Length - sample.Length));
        var allowed = budget.Total * BudgetShare - budget.Elapsed;
        var speed = string.Create(CultureInfo.InvariantCulture, $"{texts.Length:N0} distinct texts at {1 / perText:F0} texts/s: about {estimate.TotalSeconds:F0} s");
        if (estimate > allowed)
        {
            return EmbeddingPlan.None(string.Create(CultureInfo.InvariantCulture,
                $"sentence embeddings ({encoder.Name}) not offered: encoding {speed}, more than {BudgetShare:P0} of the {budget.Total.TotalSeconds:F0} s budget"));
        }

        var sampled = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < sample.Length; i++)
        {
            sampled[sample[i]] = vectors[i];
        }

        return new EmbeddingPlan(encoder, columns, texts, sampled, allowed, $"sentence embeddings ({encoder.Name}) offered, alone or beside n-grams: encoding {speed}");
    }

    /// <summary>The experiment with the plan's note added to each free-text column's reason.</summary>
    public static PreparedExperiment Annotate(PreparedExperiment experiment, string? note) => note is null
        ? experiment
        : experiment with
        {
            Plan = experiment.Plan with
            {
                Columns = experiment.Plan.Columns.Select(c => c.Role == ColumnRole.Text ? c with { Reason = $"{c.Reason}; {note}" } : c).ToArray(),
            },
        };
}
