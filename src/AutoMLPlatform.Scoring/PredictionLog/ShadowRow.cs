using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// A row another version answered, copied off its session for the shadow version to score later: the values as the
/// answering version read them, by its columns (the shadow binds them to its own columns by name).
/// </summary>
internal sealed class ShadowRow
{
    private ShadowRow(TenantId tenant, ScoringModel shadow, RowTarget row, PredictionId? answered, DateTimeOffset at)
    {
        Tenant = tenant;
        Shadow = shadow;
        Answered = answered;
        At = at;
        Columns = row.Columns;
        Numbers = new float[row.Columns.Count];
        Texts = new string[row.Columns.Count];
        for (var i = 0; i < Numbers.Length; i++)
        {
            if (row.Columns.IsNumeric(i))
            {
                Numbers[i] = row.GetNumber(i);
            }
            else
            {
                Texts[i] = row.GetText(i);
            }
        }
    }

    public TenantId Tenant { get; }

    /// <summary>The version that scores the row (not leased: the scorer takes a reference, and skips a version released meanwhile).</summary>
    public ScoringModel Shadow { get; }

    /// <summary>The logged id of the answer this row shadows, when that answer was logged.</summary>
    public PredictionId? Answered { get; }

    public DateTimeOffset At { get; }

    /// <summary>The answering version's input columns, which <see cref="Numbers"/> and <see cref="Texts"/> follow.</summary>
    public InputColumns Columns { get; }

    public float[] Numbers { get; }

    public string[] Texts { get; }

    public static ShadowRow Copy(TenantId tenant, ScoringModel shadow, RowTarget row, PredictionId? answered, DateTimeOffset at) =>
        new(tenant, shadow, row, answered, at);
}
