using System.Buffers;
using System.Text.Json;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Http;
using AutoMLPlatform.Scoring.Models;
using Microsoft.ML;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// The paths the in-process comparison measures, each a function of a row counter cycling over the held-out rows:
/// <see cref="Raw"/>, the raw engine on a compile-time row class (the floor); <see cref="Pool"/>, the service's path
/// (cache lease, pooled session, run-time row type, answer read back); <see cref="Json"/>, that path fed from JSON
/// bytes and writing JSON (what an HTTP request adds, minus HTTP).
/// </summary>
internal static class BenchPaths
{
    public const string Raw = "raw";
    public const string Pool = "pool";
    public const string Json = "json";

    /// <summary>The pool path without the lease and the rent: one session, held throughout (for <c>--breakdown</c>).</summary>
    public const string Session = "session";

    public static readonly IReadOnlyList<string> All = [Raw, Pool, Json];

    public static async Task<Func<int, float>> CreateAsync(string path, ModelVersion version, ModelCache cache, IBlobStore blobs,
        IReadOnlyList<Dictionary<string, string>> rows, CancellationToken cancellationToken)
    {
        using (var probe = await cache.AcquireAsync(TenantId.Default, CreditModel.Name, ModelSelector.Production, cancellationToken))
        {
            _ = probe.Model;
        }

        return path switch
        {
            Raw => await RawAsync(version, blobs, rows, cancellationToken),
            Pool => PoolPath(cache, Parse(version, rows)),
            Session => SessionPath(cache, Parse(version, rows)),
            Json => JsonPath(cache, rows.Select(r => JsonSerializer.SerializeToUtf8Bytes(ParsedRow.JsonObject(r, version.Inputs))).ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "raw, pool or json"),
        };
    }

    /// <summary>The held-out rows parsed into the model's column order, and a way to bind the <c>i</c>th into a row.</summary>
    public static Action<int, RowTarget> Binder(ModelVersion version, IReadOnlyList<Dictionary<string, string>> rows)
    {
        var values = Parse(version, rows);
        return (i, row) => values[i % values.Length].Fill(row);
    }

    /// <summary>A warm model is leased synchronously; anything else here means the fast path regressed.</summary>
    public static ScoringModelLease Warm(ValueTask<ScoringModelLease> acquire) => acquire.IsCompletedSuccessfully
        ? acquire.Result
        : throw new InvalidOperationException("A warm lease did not complete synchronously.");

    private static ParsedRow[] Parse(ModelVersion version, IReadOnlyList<Dictionary<string, string>> rows) =>
        rows.Select(r => ParsedRow.From(r, version.Inputs)).ToArray();

    private static Func<int, float> PoolPath(ModelCache cache, ParsedRow[] values) => i =>
    {
        using var lease = Warm(cache.AcquireAsync(TenantId.Default, CreditModel.Name, ModelSelector.Production, CancellationToken.None));
        var model = lease.Model;
        var session = model.Rent();
        values[i % values.Length].Fill(session.Row);
        session.Predict();
        var answer = session.Output.Probabilities[1];
        model.Return(session);
        return answer;
    };

    private static Func<int, float> SessionPath(ModelCache cache, ParsedRow[] values)
    {
        var lease = Warm(cache.AcquireAsync(TenantId.Default, CreditModel.Name, ModelSelector.Production, CancellationToken.None));
        var session = lease.Model.Rent();
        return i =>
        {
            values[i % values.Length].Fill(session.Row);
            session.Predict();
            return session.Output.Probabilities[1];
        };
    }

    private static Func<int, float> JsonPath(ModelCache cache, byte[][] bodies)
    {
        var output = new ArrayBufferWriter<byte>(1024);
        var writer = new Utf8JsonWriter(output);
        return i =>
        {
            using var lease = Warm(cache.AcquireAsync(TenantId.Default, CreditModel.Name, ModelSelector.Production, CancellationToken.None));
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
    }

    /// <summary>The floor: <c>PredictionEngine.Predict</c> on a compile-time row class over the same loaded pipeline.</summary>
    private static async Task<Func<int, float>> RawAsync(ModelVersion version, IBlobStore blobs, IReadOnlyList<Dictionary<string, string>> rows,
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
    public static double Allocated(Func<int, float> predict)
    {
        const int Rows = 10_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rows; i++)
        {
            predict(i);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Rows;
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
