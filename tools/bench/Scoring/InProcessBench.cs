using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Http;
using AutoMLPlatform.Scoring.Models;
using Microsoft.ML;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// One thread, in process, cycling over the held-out rows: the raw engine on a compile-time row class (the floor), the
/// service's path (cache lease, pooled session, run-time row type through compiled setters, answer read back), and
/// that path fed from JSON bytes and writing JSON (what an HTTP request adds, minus HTTP).
/// </summary>
internal sealed class InProcessBench(TimeSpan warmUp, TimeSpan measure)
{
    private const int Rounds = 3;

    public sealed record Result(double RawRowsPerSecond, double PoolRowsPerSecond, double JsonRowsPerSecond, double PoolBytesPerRow, double JsonBytesPerRow);

    public async Task<Result> RunAsync(ModelVersion version, ModelCache cache, IBlobStore blobs, IReadOnlyList<Dictionary<string, string>> rows,
        CancellationToken cancellationToken)
    {
        var rawPath = await RawPathAsync(version, blobs, rows, cancellationToken);

        using (var probe = await cache.AcquireAsync(TenantId.Default, CreditModel.Name, ModelSelector.Production, cancellationToken))
        {
            _ = probe.Model;
        }

        var values = rows.Select(r => ParsedRow.From(r, version.Inputs)).ToArray();
        Func<int, float> poolPath = i =>
        {
            using var lease = Warm(cache.AcquireAsync(TenantId.Default, CreditModel.Name, ModelSelector.Production, cancellationToken));
            var model = lease.Model;
            var session = model.Rent();
            values[i % values.Length].Fill(session.Row);
            session.Predict();
            var answer = session.Output.Probabilities[1];
            model.Return(session);
            return answer;
        };

        var bodies = rows.Select(r => JsonSerializer.SerializeToUtf8Bytes(ParsedRow.JsonObject(r, version.Inputs))).ToArray();
        var output = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(output);
        Func<int, int> jsonPath = i =>
        {
            using var lease = Warm(cache.AcquireAsync(TenantId.Default, CreditModel.Name, ModelSelector.Production, cancellationToken));
            var model = lease.Model;
            var session = model.Rent();
            var reader = new Utf8JsonReader(bodies[i % bodies.Length]);
            reader.Read();
            JsonRowReader.Read(ref reader, session.Row, RowLocation.Body);
            session.Predict();
            output.ResetWrittenCount();
            writer.Reset(output);
            writer.WriteStartObject();
            PredictionJson.WriteHeader(writer, model);
            PredictionJson.WriteFields(writer, model.Output, session.Output);
            writer.WriteEndObject();
            writer.Flush();
            model.Return(session);
            return output.WrittenCount;
        };

        // The machine is shared: alternate the paths over several rounds and keep each one's best, so a burst of
        // someone else's work does not land on one path only.
        double raw = 0, pool = 0, json = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            raw = Math.Max(raw, Rate(rawPath));
            pool = Math.Max(pool, Rate(poolPath));
            json = Math.Max(json, Rate(jsonPath));
            Console.Error.WriteLine($"round {round}: raw {raw:N0}, pool {pool:N0} ({pool / raw:F3} x raw), JSON {json:N0} ({json / raw:F3} x raw) rows/s (best so far)");
        }

        var result = new Result(raw, pool, json, Allocated(poolPath), Allocated(jsonPath));
        Console.Error.WriteLine($"allocated per row: pool {result.PoolBytesPerRow:F0} bytes, JSON {result.JsonBytesPerRow:F0} bytes");
        return result;
    }

    /// <summary>The floor: <c>PredictionEngine.Predict</c> on a compile-time row class over the same loaded pipeline.</summary>
    private static async Task<Func<int, float>> RawPathAsync(ModelVersion version, IBlobStore blobs, IReadOnlyList<Dictionary<string, string>> rows,
        CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(0);
        using var artifact = new MemoryStream();
        await using (var stream = await blobs.OpenReadAsync(TenantId.Default, BlobKind.Model, version.ArtifactSha256, cancellationToken))
        {
            await stream.CopyToAsync(artifact, cancellationToken);
        }

        artifact.Position = 0;
        var loaded = ModelPackage.Read(artifact, mlContext);
        var engine = mlContext.Model.CreatePredictionEngine<CreditRow, CreditOutput>(loaded.Transformer);
        var typed = rows.Select(r => ToCreditRow(r, version.Inputs)).ToArray();
        var output = new CreditOutput();
        return i =>
        {
            engine.Predict(typed[i % typed.Length], ref output);
            return output.Probability;
        };
    }

    /// <summary>Bytes this thread allocates per call of <paramref name="predict"/>, ML.NET's own allocations included.</summary>
    private static double Allocated<T>(Func<int, T> predict)
    {
        const int Rows = 10_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rows; i++)
        {
            predict(i);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Rows;
    }

    /// <summary>A warm model is leased synchronously; anything else here means the fast path regressed.</summary>
    private static ScoringModelLease Warm(ValueTask<ScoringModelLease> acquire) => acquire.IsCompletedSuccessfully
        ? acquire.Result
        : throw new InvalidOperationException("A warm lease did not complete synchronously.");

    /// <summary>Rows per second of <paramref name="predict"/> on this thread, after a warm-up.</summary>
    private double Rate<T>(Func<int, T> predict)
    {
        var i = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < warmUp)
        {
            predict(i++);
        }

        i = 0;
        watch.Restart();
        while (watch.Elapsed < measure)
        {
            for (var n = 0; n < 1000; n++)
            {
                predict(i++);
            }
        }

        return i / watch.Elapsed.TotalSeconds;
    }

    private static CreditRow ToCreditRow(Dictionary<string, string> cells, IReadOnlyList<ModelInputColumn> inputs)
    {
        var row = new CreditRow();
        foreach (var field in typeof(CreditRow).GetFields())
        {
            var name = field.Name; // CreditRow names its fields after the columns
            var input = inputs.SingleOrDefault(c => c.Name == name);
            var cell = cells.GetValueOrDefault(name);
            if (field.FieldType == typeof(float))
            {
                field.SetValue(row, cell is not null && NumericParser.TryParse(cell, out var number) ? (float)number : float.NaN);
            }
            else
            {
                field.SetValue(row, input is null ? string.Empty : CellText.Normalize(cell, input.Type));
            }
        }

        return row;
    }

    /// <summary>A held-out row parsed once into the model's column order, so both paths start from the same values.</summary>
    private sealed class ParsedRow(float[] numbers, string[] texts, bool[] numeric)
    {
        public static ParsedRow From(Dictionary<string, string> cells, IReadOnlyList<ModelInputColumn> inputs)
        {
            var numbers = new float[inputs.Count];
            var texts = new string[inputs.Count];
            var numeric = new bool[inputs.Count];
            for (var c = 0; c < inputs.Count; c++)
            {
                var cell = cells.GetValueOrDefault(inputs[c].Name);
                numeric[c] = inputs[c].Type == Core.Datasets.ColumnType.Numeric;
                numbers[c] = numeric[c] && cell is not null && NumericParser.TryParse(cell, out var number) ? (float)number : float.NaN;
                texts[c] = numeric[c] ? string.Empty : CellText.Normalize(cell, inputs[c].Type);
            }

            return new ParsedRow(numbers, texts, numeric);
        }

        /// <summary>The row as a client would send it: numbers as JSON numbers, missing as null.</summary>
        public static Dictionary<string, object?> JsonObject(Dictionary<string, string> cells, IReadOnlyList<ModelInputColumn> inputs) =>
            inputs.ToDictionary(c => c.Name, c => cells.GetValueOrDefault(c.Name) is { Length: > 0 } cell
                ? c.Type == Core.Datasets.ColumnType.Numeric && NumericParser.TryParse(cell, out var number) ? number : (object)cell
                : null);

        public void Fill(RowTarget target)
        {
            for (var c = 0; c < numbers.Length; c++)
            {
                if (numeric[c])
                {
                    target.SetNumber(c, numbers[c]);
                }
                else
                {
                    target.SetText(c, texts[c]);
                }
            }
        }
    }
}
