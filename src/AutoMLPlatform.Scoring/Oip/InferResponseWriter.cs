using System.Globalization;
using System.Text.Json;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Oip;

/// <summary>
/// Collects a batch's answers column by column and writes the inference response:
/// <c>{"model_name","model_version","id"?,"outputs":[{"name","datatype","shape","data"}]}</c>, data flattened row-major.
/// </summary>
internal sealed class InferResponseWriter
{
    private readonly string?[] _labels;
    private readonly float[] _probabilities;
    private readonly float[] _values;
    private readonly int _classes;
    private readonly string[] _ids;

    public InferResponseWriter(OutputShape shape, int rows)
    {
        ArgumentNullException.ThrowIfNull(shape);
        _classes = shape.ProbabilityCount;
        _labels = shape.Kind == OutputKind.Value ? [] : new string?[rows];
        _probabilities = new float[rows * _classes];
        _values = shape.Kind == OutputKind.ClassProbabilities ? [] : new float[rows];
        _ids = new string[rows];
    }

    /// <summary>Records the row's prediction id (a row that was not logged keeps an empty one).</summary>
    public void AddId(int row, Core.Feedback.PredictionId? id) => _ids[row] = id?.ToString() ?? "";

    public void Add(int row, PredictionValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (_labels.Length > 0)
        {
            _labels[row] = values.Label;
        }

        if (_values.Length > 0)
        {
            _values[row] = values.Value;
        }

        values.Probabilities.CopyTo(_probabilities.AsSpan(row * _classes, _classes));
    }

    public void Write(Utf8JsonWriter writer, ScoringModel model, string? id, IReadOnlyList<OipOutput> outputs, int rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(outputs);
        writer.WriteStartObject();
        writer.WriteString("model_name", model.EncodedName);
        writer.WriteString("model_version", model.Version.Version.ToString(CultureInfo.InvariantCulture));
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        writer.WriteStartArray("outputs");
        foreach (var output in outputs)
        {
            writer.WriteStartObject();
            writer.WriteString("name", output.Name);
            writer.WriteString("datatype", OipDataTypes.WireName(output.DataType));
            writer.WriteStartArray("shape");
            writer.WriteNumberValue(rows);
            if (output.Width > 0)
            {
                writer.WriteNumberValue(output.Width);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("data");
            WriteData(writer, output.Name);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private void WriteData(Utf8JsonWriter writer, string output)
    {
        switch (output)
        {
            case OipOutput.PredictedLabel:
                foreach (var label in _labels)
                {
                    writer.WriteStringValue(label);
                }

                break;
            case OipOutput.PredictionId:
                foreach (var id in _ids)
                {
                    writer.WriteStringValue(id ?? "");
                }

                break;
            case OipOutput.Probabilities:
                foreach (var probability in _probabilities)
                {
                    writer.WriteNumberValue(probability);
                }

                break;
            default:
                foreach (var value in _values)
                {
                    writer.WriteNumberValue(value);
                }

                break;
        }
    }
}
