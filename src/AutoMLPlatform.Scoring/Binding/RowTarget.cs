namespace AutoMLPlatform.Scoring.Binding;

/// <summary>
/// Where input readers (JSON, CSV, tensors) put one row's values. Values go into plain arrays (a store each, no call
/// through a delegate per column), and <see cref="Commit"/> copies them into the row object of the model's run-time
/// type in one compiled call just before the engine reads it. Readers stay non-generic; only the subclass knows the CLR type.
/// </summary>
internal abstract class RowTarget
{
    private readonly float[] _numbers;
    private readonly string[] _texts;

    protected RowTarget(InputColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        _numbers = new float[columns.Count];
        _texts = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            SetMissing(i);
        }
    }

    public InputColumns Columns { get; }

    /// <summary>Sets a numeric column; NaN is a missing value.</summary>
    public void SetNumber(int column, float value) => _numbers[column] = value;

    /// <summary>Sets a text column to an already normalised value (<see cref="Core.Tables.CellText"/>); empty is missing.</summary>
    public void SetText(int column, string value) => _texts[column] = value;

    /// <summary>The numeric column's current value (NaN when missing); an array read, so drift counts from here without a copy.</summary>
    public float GetNumber(int column) => _numbers[column];

    /// <summary>The text column's current value (empty when missing).</summary>
    public string GetText(int column) => _texts[column];

    /// <summary>Copies the values set so far into the row object the engine reads.</summary>
    public abstract void Commit();

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

    /// <summary>The numbers, by column (unused entries for text columns).</summary>
    protected float[] Numbers => _numbers;

    /// <summary>The texts, by column (null for numeric columns).</summary>
    protected string[] Texts => _texts;
}
