using System.Globalization;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Scoring.Binding;

namespace AutoMLPlatform.Scoring.Oip;

/// <summary>
/// Maps a request's input tensors onto a model's columns: one tensor per column, named as the column (exactly, else
/// ignoring case where only one column matches; <see cref="ColumnNameLookup"/>), shaped <c>[N]</c> or <c>[N, 1]</c> with the batch dimension first and the same N for all. Numeric
/// columns take the numeric types and BOOL (1/0); text columns take BYTES, BOOL and numbers (as text). A null element
/// is a missing value; a column with no tensor follows the same rule as a left-out JSON field. Inputs that name no
/// column are refused, so a misspelt name cannot silently become a missing value.
/// </summary>
internal sealed class TensorBinder
{
    private readonly InputTensor?[] _tensorOf;

    private TensorBinder(InputTensor?[] tensorOf, int rows)
    {
        _tensorOf = tensorOf;
        Rows = rows;
    }

    /// <summary>The batch size, N.</summary>
    public int Rows { get; }

    public static TensorBinder For(InferRequest request, InputColumns columns, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(columns);
        var tensorOf = new InputTensor?[columns.Count];
        long? rows = null;
        foreach (var input in request.Inputs)
        {
            var match = columns.Find(input.Name);
            var column = match.Kind switch
            {
                ColumnMatchKind.Exact or ColumnMatchKind.IgnoringCase => match.Index,
                ColumnMatchKind.Ambiguous => throw new InvalidInputException("ambiguous-input",
                    $"Input '{input.Name}' matches the columns {string.Join(" and ", columns.MatchesIgnoringCase(input.Name).Select(c => $"'{c}'"))} only ignoring case; name the one meant exactly.", input.Name),
                _ => throw new InvalidInputException(RequestErrorCodes.UnknownInput, $"Input '{input.Name}' is not a column the model reads.", input.Name),
            };

            tensorOf[column] = tensorOf[column] is null
                ? Checked(input, columns, column)
                : throw new InvalidInputException("duplicate-input", $"Column '{columns.Columns[column].Name}' is given twice.", input.Name);
            rows ??= input.Shape[0];
            if (input.Shape[0] != rows)
            {
                throw new InvalidInputException("shape-mismatch", $"Input '{input.Name}' has {input.Shape[0]} rows but others have {rows}; the first dimension is the batch.", input.Name);
            }
        }

        return rows switch
        {
            0 => throw new InvalidInputException(RequestErrorCodes.EmptyBatch, "The inputs hold no rows to predict.", "inputs"),
            > int.MaxValue or null => throw new InvalidInputException(RequestErrorCodes.InvalidRequest, "The request has no inputs.", "inputs"),
            var n when n > maxRows => throw new Http.PayloadTooLargeRowsException(maxRows),
            var n => new TensorBinder(tensorOf, (int)n),
        };
    }

    /// <summary>Binds row <paramref name="row"/> of every tensor into <paramref name="target"/>.</summary>
    public void Bind(int row, RowTarget target)
    {
        var columns = target.Columns;
        for (var column = 0; column < _tensorOf.Length; column++)
        {
            if (_tensorOf[column] is not { } tensor)
            {
                target.SetAbsent(column, RowLocation.Body);
                continue;
            }

            var element = tensor.Data[row];
            if (element.Kind == TensorElementKind.Null)
            {
                target.SetMissing(column);
            }
            else if (columns.IsNumeric(column))
            {
                target.SetNumber(column, (float)element.Number);
            }
            else
            {
                var text = element.Kind switch
                {
                    TensorElementKind.Text => element.Text!,
                    TensorElementKind.Bool => element.Number != 0 ? "true" : "false",
                    _ => element.Number.ToString(CultureInfo.InvariantCulture),
                };
                target.SetText(column, CellText.Normalize(text, columns.Columns[column].Type));
            }
        }
    }

    private static InputTensor Checked(InputTensor input, InputColumns columns, int column)
    {
        var shape = input.Shape;
        if (shape.Count is < 1 or > 2 || (shape.Count == 2 && shape[1] != 1))
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidShape, $"Input '{input.Name}' has shape [{string.Join(", ", shape)}]; a column tensor is [N] or [N, 1].", input.Name);
        }

        if (shape[0] != input.Data.Count)
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidShape, $"Input '{input.Name}' has shape [{string.Join(", ", shape)}] but {input.Data.Count} elements.", input.Name);
        }

        var numeric = columns.IsNumeric(column);
        if (numeric && input.DataType == OipDataType.Bytes)
        {
            throw new InvalidInputException(RequestErrorCodes.WrongType, $"Input '{input.Name}' is BYTES but column '{columns.Columns[column].Name}' is numeric; send FP32 (or another numeric type).", input.Name);
        }

        return input;
    }
}
