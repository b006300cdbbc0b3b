using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AutoMLPlatform.Insight.Onnx;

/// <summary>
/// Writes a packaged model as ONNX with ML.NET's converter, then proves the file: ONNX Runtime scores the sample rows
/// and must give the same labels and scores within <see cref="Tolerance"/> as ML.NET does. A model that fails either
/// step is refused with the step named, never exported half right.
/// </summary>
public static class OnnxExporter
{
    /// <summary>
    /// Largest difference allowed between an ONNX Runtime score and ML.NET's: absolute for values up to 1 in size,
    /// relative above (a float of 200,000 is only exact to about 0.02, and ONNX Runtime adds tree outputs in another
    /// order than ML.NET, so an absolute 1e-4 could never hold for prices).
    /// </summary>
    public const double Tolerance = 1e-4;

    private static readonly string[] ComparedOutputs = ["Score", "Probability", "PredictedLabel"];

    public static byte[] Export(LoadedModel model, LoadedTable sample)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sample);
        var mlContext = new MLContext(seed: 0);
        var inputs = sample.Project(model.Manifest.Inputs.Select(i => i.Name));
        var view = TableViews.ForPrediction(inputs);
        var bytes = Convert(mlContext, model.Transformer, view);
        try
        {
            CheckParity(model.Transformer.Transform(view), bytes, inputs);
        }
        catch (OnnxRuntimeException ex)
        {
            // The converter wrote a graph ONNX Runtime will not load or run (seen: LightGBM trees whose categorical
            // splits became nodes without a feature): the trainer's converted form is the step at fault.
            throw new NotExportableException(model.Manifest.Trainer,
                $"ONNX Runtime cannot run the converted {model.Manifest.Trainer} model: {FirstLine(ex.Message)}");
        }

        return bytes;
    }

    private static byte[] Convert(MLContext mlContext, ITransformer transformer, IDataView view)
    {
        // A stage saved as a part of its own (a pretrained sentence encoder, a Torch network) has no converter here; for
        // the encoder, composing its network in would not be enough either: its WordPiece tokenizer has no standard
        // ONNX operator. Name it rather than let the converter fail somewhere after it.
        if (Flatten(transformer).OfType<IModelPart>().FirstOrDefault() is { } part)
        {
            throw new NotExportableException(part.Kind,
                $"The model has a step with no ONNX form: {part.Kind} (a network saved apart from ML.NET's stages). Train with requireOnnx for a model that exports.");
        }

        try
        {
            using var stream = new MemoryStream();
            mlContext.Model.ConvertToOnnx(transformer, view, stream);
            return stream.ToArray();
        }
        catch (Exception ex) when (IsConversionFailure(ex))
        {
            var step = FirstFailingStep(mlContext, transformer, view) ?? transformer.GetType().Name;
            throw new NotExportableException(step, $"The model has a step with no ONNX form: {step} ({ex.Message})");
        }
    }

    /// <summary>Converts ever longer prefixes of the chain; the first that fails names the step.</summary>
    private static string? FirstFailingStep(MLContext mlContext, ITransformer transformer, IDataView view)
    {
        var steps = Flatten(transformer).ToArray();
        for (var n = 1; n <= steps.Length; n++)
        {
            try
            {
                using var stream = new MemoryStream();
                mlContext.Model.ConvertToOnnx(new TransformerChain<ITransformer>(steps[..n]), view, stream);
            }
            catch (Exception ex) when (IsConversionFailure(ex))
            {
                return Describe(steps[n - 1]);
            }
        }

        return null;
    }

    /// <summary>
    /// What the converter throws for a chain it cannot write. It keeps only the steps after the last one without an ONNX
    /// form and then fails on whatever column that step should have made, so the type varies (seen: invalid operation,
    /// argument, key not found); only a cancellation or running out of memory is something else.
    /// </summary>
    private static bool IsConversionFailure(Exception exception) => exception is not (OperationCanceledException or OutOfMemoryException);

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer) => transformer is IEnumerable<ITransformer> chain
        ? chain.SelectMany(Flatten)
        : [transformer];

    private static string Describe(ITransformer step)
    {
        var type = step.GetType();
        return type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(a => a.Name))}>" : type.Name;
    }

    private static void CheckParity(IDataView expected, byte[] onnx, LoadedTable inputs)
    {
        using var session = new InferenceSession(onnx);
        var feeds = session.InputMetadata.Select(meta => Feed(meta.Key, inputs)).ToList();
        using var results = session.Run(feeds);
        foreach (var name in ComparedOutputs)
        {
            var column = expected.Schema.GetColumnOrNull(name);
            var output = results.FirstOrDefault(r => r.Name == $"{name}.output");
            if (column is null)
            {
                continue;
            }

            if (output is null)
            {
                throw new NotExportableException(name, $"The ONNX model has no '{name}' output; ML.NET's converter dropped a step that produces it.");
            }

            Compare(name, Expected(expected, column.Value), Actual(output), inputs.RowCount);
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0];
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static NamedOnnxValue Feed(string name, LoadedTable inputs)
    {
        var column = inputs.Columns.FirstOrDefault(c => c.Name == name)
            ?? throw new NotExportableException(name, $"The ONNX model asks for an input '{name}' that the model's columns do not have.");
        int[] shape = [inputs.RowCount, 1];
        return column switch
        {
            NumericColumn n => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(n.Values, shape)),
            // The model was fitted on booleans in the platform's normal form ("true"/"false"), as scoring feeds them;
            // an ONNX consumer must normalise them the same way, and so does this check.
            StringColumn { Type: ColumnType.Boolean } b => NamedOnnxValue.CreateFromTensor(name,
                new DenseTensor<string>(b.Values.Select(v => CellText.Normalize(v, ColumnType.Boolean)).ToArray(), shape)),
            StringColumn s => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(s.Values, shape)),
            _ => throw new InvalidOperationException($"Unknown column kind {column.GetType().Name}."),
        };
    }

    /// <summary>ML.NET's values of one output column, row after row, as text (labels) or numbers (scores).</summary>
    private static List<object> Expected(IDataView scored, DataViewSchema.Column column)
    {
        var values = new List<object>();
        using var cursor = scored.GetRowCursor([column]);
        var type = column.Type;
        if (type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> buffer = default;
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                values.AddRange(buffer.DenseValues().Select(v => (object)(double)v));
            }
        }
        else if (type.RawType == typeof(float))
        {
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                values.Add((double)value);
            }
        }
        else if (type.RawType == typeof(bool))
        {
            var getter = cursor.GetGetter<bool>(column);
            var value = false;
            while (cursor.MoveNext())
            {
                getter(ref value);
                values.Add(value);
            }
        }
        else
        {
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> value = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                values.Add(value.ToString());
            }
        }

        return values;
    }

    private static List<object> Actual(DisposableNamedOnnxValue output) => output.Value switch
    {
        Tensor<float> t => t.Select(v => (object)(double)v).ToList(),
        Tensor<bool> t => t.Select(v => (object)v).ToList(),
        Tensor<string> t => t.Select(v => (object)v).ToList(),
        Tensor<long> t => t.Select(v => (object)(double)v).ToList(),
        Tensor<uint> t => t.Select(v => (object)(double)v).ToList(),
        _ => throw new NotExportableException(output.Name, $"The ONNX output '{output.Name}' has a type the platform does not compare ({output.Value?.GetType().Name})."),
    };

    private static void Compare(string name, List<object> expected, List<object> actual, int rows)
    {
        if (expected.Count != actual.Count)
        {
            throw new NotExportableException(name, $"ONNX Runtime gave {actual.Count} values of '{name}' for {rows} rows; ML.NET gave {expected.Count}.");
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var same = (expected[i], actual[i]) switch
            {
                (double e, double a) => Math.Abs(e - a) <= Tolerance * Math.Max(1, Math.Abs(e)) || (double.IsNaN(e) && double.IsNaN(a)),
                var (e, a) => Equals(e, a),
            };
            if (!same)
            {
                throw new NotExportableException(name,
                    $"ONNX Runtime and ML.NET disagree on '{name}' (value {i}: {actual[i]} against {expected[i]}), beyond {Tolerance} (relative above 1).");
            }
        }
    }
}
