using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Pretrained;
using AutoMLPlatform.AutoML.Runtime;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>
/// Featurizes every labelled row once per offered featurization, before the first trial. Featurizers learn no labels
/// (means, vocabularies, n-gram dictionaries, a fixed encoder), so each one fitted on all labelled rows serves every
/// fold and the final model alike. With sentence embeddings offered, every distinct text is encoded once, on every
/// core, into the cache of the embedding stages; the featurizations and the returned model then read them from there.
/// Only the featurizations the settings allow are built (all when they name none); n-grams when none allowed is available.
/// </summary>
internal static class FeatureSetBuilder
{
    public static async Task<(FeatureSets Sets, string? Note)> BuildAsync(PreparedExperiment experiment, EmbeddingPlan plan, IReadOnlyList<TextFeatures>? allowed,
        int seed, TimeProvider time, CancellationToken cancellationToken)
    {
        var (cache, note) = plan.Offered ? await EncodeAsync(plan, time, cancellationToken).ConfigureAwait(false) : (null, null);
        return (await Task.Run(() =>
        {
            var mlContext = new MLContext(seed);
            using var registration = mlContext.CancelOn(cancellationToken);
            IDataView input = experiment.UnlabelledView();

            // Under a prefix no column of the table starts with: a vector never hides a user's column (say one named __emb0).
            var vectorPrefix = FeaturePipelineBuilder.UnusedPrefix("__emb", input.Schema.Select(c => c.Name));
            var embeddings = cache is null
                ? []
                : plan.TextColumns.Select((column, i) => new SentenceEmbeddingTransformer(mlContext, plan.Encoder!, column, $"{vectorPrefix}{i}", cache)).ToArray();
            var vectorColumns = embeddings.ToDictionary(e => e.InputColumn, e => e.OutputColumn, StringComparer.Ordinal);
            input = embeddings.Aggregate(input, (view, stage) => stage.Transform(view));
            TextFeatures[] available = cache is null ? [TextFeatures.NGrams] : [TextFeatures.NGrams, TextFeatures.Embeddings, TextFeatures.NGramsAndEmbeddings];
            var offered = available.Where(t => allowed is null || allowed.Contains(t)).DefaultIfEmpty(TextFeatures.NGrams).ToArray();
            var sets = offered.Select(text =>
            {
                var featurizer = FeaturePipelineBuilder.Build(mlContext, experiment.Features, experiment.ColumnsWithMissing, text, vectorColumns).Fit(input);
                return new FeatureSet(text, featurizer, FeaturizedData.Materialize(featurizer.Transform(input), experiment.LabelOnlyView(), cancellationToken),
                    FeaturePipelineBuilder.HasTextNgrams(experiment.Features, text));
            }).ToArray();
            return new FeatureSets(sets, embeddings);
        }, cancellationToken).ConfigureAwait(false), note);
    }

    /// <summary>Every distinct text encoded within the plan's deadline; null (and why) when it could not finish in time.</summary>
    private static async Task<(EmbeddingCache? Cache, string? Note)> EncodeAsync(EmbeddingPlan plan, TimeProvider time, CancellationToken cancellationToken)
    {
        var rest = plan.Texts.Where(t => !plan.Sample.ContainsKey(t)).ToArray();
        using var deadline = new CancellationTokenSource(plan.Deadline > TimeSpan.Zero ? plan.Deadline : TimeSpan.FromMilliseconds(1), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        float[][] vectors;
        try
        {
            vectors = await plan.Encoder!.EmbedAllAsync(rest, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"sentence embeddings dropped: encoding took longer than the {plan.Deadline.TotalSeconds:F0} s it was allowed");
        }

        // Room for the texts the job scores after training (its evaluation, permuted columns) besides the training texts.
        var cache = new EmbeddingCache(plan.Texts.Count + 16 * EmbeddingCache.ServingCapacity);
        foreach (var (text, vector) in plan.Sample)
        {
            cache.Add(text, vector);
        }

        for (var i = 0; i < rest.Length; i++)
        {
            cache.Add(rest[i], vectors[i]);
        }

        return (cache, null);
    }
}
