namespace AutoMLPlatform.Scoring.Binding;

/// <summary>
/// Where input readers (JSON, CSV, tensors) put one row's values: a row object of a model's run-time type, written
/// through setters compiled once per model version. Readers stay non-generic; only the subclass knows the CLR type.
/// </summary>
internal abstract class RowTarget
{
    protected RowTarget(InputColumns columns) => Columns = columns;

    public InputColumns Columns { get; }

    /// <summary>Sets a numeric column; NaN is a missing value.</summary>
    public abstract void SetNumber(int column, float value);

    /// <summary>Sets a text column to an already normalised value (<see cref="Core.Tables.CellText"/>); empty is missing.</summary>
    public abstract void SetText(int column, string value);

    /// <summary>The numeric column's current value (NaN when missing).</summary>
    public abstract float GetNumber(int column);

    /// <summary>The text column's current value (empty when missing).</summary>
    public abstract string GetText(int column);

    /// <summary>Sets a column to its missing value: NaN for numbers, the empty string for text.</summary>
    public void SetMissing(int column)
    {
        if (Columns.IsNumeric(column))
        {
            SetNumber(column, float.NaN);
        }
        else
        {
            SetText(column, string.Empty);
        }
    }

    /// <summary>
    /// Handles a column the input did not mention at all: missing where training saw missing values there, otherwise
    /// an error naming it, because a column the model always saw is more likely misspelt than meant to be missing.
    /// </summary>
    public void SetAbsent(int column, RowLocation where)
    {
        if (!Columns.Columns[column].AllowMissing)
        {
            throw InputErrors.MissingColumn(where, Columns.Columns[column].Name);
        }

        SetMissing(column);
    }
}
