using AutoMLPlatform.Scoring.Binding;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>A copy of a scored row's bound values, kept by a <see cref="DriftSink"/> until its version's reference is ready; no engine reads it.</summary>
internal sealed class DriftRowCopy : RowTarget
{
    private DriftRowCopy(InputColumns columns)
        : base(columns)
    {
    }

    public static DriftRowCopy Of(RowTarget row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var copy = new DriftRowCopy(row.Columns);
        for (var c = 0; c < row.Columns.Count; c++)
        {
            if (row.Columns.IsNumeric(c))
            {
                copy.SetNumber(c, row.GetNumber(c));
            }
            else
            {
                copy.SetText(c, row.GetText(c));
            }
        }

        return copy;
    }

    public override void Commit()
    {
    }
}
