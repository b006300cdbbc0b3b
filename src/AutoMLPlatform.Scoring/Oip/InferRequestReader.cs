using System.Buffers;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Scoring.Http;

namespace AutoMLPlatform.Scoring.Oip;

/// <summary>
/// Parses an inference request (<c>{"id"?, "parameters"?, "inputs": [...], "outputs"?: [...]}</c>) with a
/// <see cref="Utf8JsonReader"/>. Members may come in any order; unknown members and parameters are ignored. Tensor data
/// may be flat or nested (row-major either way); each element is checked against the declared datatype, and every
/// error names the input it is about. Counts are bounded while reading (<see cref="InferRequestLimits"/>): a body of
/// millions of elements is refused at the first one past the limit, not after all became objects.
/// </summary>
internal static class InferRequestReader
{
    /// <summary>Most dimensions of a shape and most outputs asked for: a column tensor has two, a model a few.</summary>
    private const int MaxShapeDimensions = 8;
    private const int MaxOutputs = 64;

    public static InferRequest Read(ReadOnlySequence<byte> body, InferRequestLimits limits)
    {
        try
        {
            var json = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = limits.MaxDepth });
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid("body", "The body must be a JSON object with an 'inputs' array.");
            }

            string? id = null;
            List<InputTensor>? inputs = null;
            List<string>? outputs = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString();
                json.Read();
                switch (name)
                {
                    case "id" when json.TokenType == JsonTokenType.String:
                        id = json.GetString();
                        break;
                    case "inputs" when json.TokenType == JsonTokenType.StartArray:
                        inputs = ReadInputs(ref json, limits);
                        break;
                    case "outputs" when json.TokenType == JsonTokenType.StartArray:
                        outputs = ReadOutputs(ref json);
                        break;
                    case "id" or "outputs" when json.TokenType == JsonTokenType.Null:
                        break; // some clients send null for what they leave out
                    case "id" or "inputs" or "outputs":
                        throw Invalid(name, $"'{name}' has the wrong JSON type.");
                    default:
                        json.Skip();
                        break;
                }
            }

            json.Read();
            return inputs is { Count: > 0 }
                ? new InferRequest(id, inputs, outputs)
                : throw Invalid("inputs", "The request has no inputs.");
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidJson, $"The body is not valid JSON: {ex.Message}", "body", ex);
        }
    }

    private static List<InputTensor> ReadInputs(ref Utf8JsonReader json, InferRequestLimits limits)
    {
        var inputs = new List<InputTensor>();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (inputs.Count == limits.MaxInputs)
            {
                throw new InvalidInputException(RequestErrorCodes.TooManyInputs, $"The request has more than {limits.MaxInputs} inputs, the most one request may carry.", "inputs");
            }

            inputs.Add(ReadInput(ref json, inputs.Count, limits.MaxElements));
        }

        return inputs;
    }

    private static InputTensor ReadInput(ref Utf8JsonReader json, int index, int maxElements)
    {
        var where = $"inputs[{index}]";
        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid(where, $"{where} must be an object with name, shape, datatype and data.");
        }

        string? name = null, datatype = null;
        List<long>? shape = null;
        List<TensorElement>? data = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var member = json.GetString();
            json.Read();
            switch (member)
            {
                case "name" when json.TokenType == JsonTokenType.String:
                    name = json.GetString();
                    break;
                case "datatype" when json.TokenType == JsonTokenType.String:
                    datatype = json.GetString();
                    break;
                case "shape" when json.TokenType == JsonTokenType.StartArray:
                    shape = ReadShape(ref json, where);
                    break;
                case "data" when json.TokenType == JsonTokenType.StartArray:
                    data = [];
                    ReadData(ref json, data, where, maxElements);
                    break;
                case "name" or "datatype" or "shape" or "data":
                    throw Invalid($"{where}.{member}", $"{where}.{member} has the wrong JSON type.");
                default:
                    json.Skip();
                    break;
            }
        }

        if (name is null || datatype is null || shape is null || data is null)
        {
            throw Invalid(name ?? where, $"Input '{name ?? where}' needs name, shape, datatype and data.");
        }

        if (!OipDataTypes.TryParse(datatype, out var type))
        {
            throw Invalid(name, $"Input '{name}' has datatype '{datatype}', which is not one of BOOL, UINT8-64, INT8-64, FP16, FP32, FP64, BYTES.");
        }

        foreach (var element in data)
        {
            CheckElement(name, type, element);
        }

        return new InputTensor(name, type, shape, data);
    }

    private static List<long> ReadShape(ref Utf8JsonReader json, string where)
    {
        var shape = new List<long>();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (shape.Count == MaxShapeDimensions)
            {
                throw Invalid($"{where}.shape", $"{where}.shape has more than {MaxShapeDimensions} dimensions.");
            }

            shape.Add(json.TokenType == JsonTokenType.Number && json.TryGetInt64(out var size) && size >= 0
                ? size
                : throw Invalid($"{where}.shape", $"{where}.shape must hold non-negative integers."));
        }

        return shape;
    }

    /// <summary>Flattens nested arrays into <paramref name="data"/> in row-major order, at most <paramref name="maxElements"/> elements.</summary>
    private static void ReadData(ref Utf8JsonReader json, List<TensorElement> data, string where, int maxElements)
    {
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType == JsonTokenType.StartArray)
            {
                ReadData(ref json, data, where, maxElements);
                continue;
            }

            // A column tensor holds one element per row, and a request at most the row limit.
            if (data.Count == maxElements)
            {
                throw new PayloadTooLargeRowsException(maxElements);
            }

            data.Add(json.TokenType switch
            {
                JsonTokenType.Number when json.TryGetDouble(out var number) => TensorElement.Of(number),
                JsonTokenType.String => TensorElement.Of(json.GetString()!),
                JsonTokenType.True => TensorElement.Of(true),
                JsonTokenType.False => TensorElement.Of(false),
                JsonTokenType.Null => TensorElement.Null,
                _ => throw Invalid($"{where}.data", $"{where}.data holds something that is not a tensor element."),
            });
        }
    }

    private static void CheckElement(string input, OipDataType type, TensorElement element)
    {
        var fits = element.Kind switch
        {
            TensorElementKind.Null => true,
            TensorElementKind.Number => OipDataTypes.Accepts(type, element.Number),
            TensorElementKind.Bool => type == OipDataType.Bool,
            _ => type == OipDataType.Bytes,
        };
        if (!fits)
        {
            throw new InvalidInputException(RequestErrorCodes.WrongType, $"Input '{input}' is declared {OipDataTypes.WireName(type)} but holds a value that is not one.", input);
        }
    }

    private static List<string> ReadOutputs(ref Utf8JsonReader json)
    {
        var outputs = new List<string>();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (outputs.Count == MaxOutputs)
            {
                throw Invalid("outputs", $"The request asks for more than {MaxOutputs} outputs.");
            }

            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid("outputs", "Every requested output is an object with a name.");
            }

            string? name = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var member = json.GetString();
                json.Read();
                if (member == "name" && json.TokenType == JsonTokenType.String)
                {
                    name = json.GetString();
                }
                else
                {
                    json.Skip();
                }
            }

            outputs.Add(name ?? throw Invalid("outputs", "Every requested output needs a name."));
        }

        return outputs;
    }

    private static InvalidInputException Invalid(string field, string message) => new(RequestErrorCodes.InvalidRequest, message, field);
}
