using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Core.Tables;

/// <summary>
/// Counts, for one column, how many present values each detector recognises. A detector stops being asked once
/// it can no longer reach the threshold share, so an ordinary column costs a few hundred checks, not one per row.
/// </summary>
internal sealed class SensitiveValueCounter(IReadOnlyList<ISensitiveValueDetector> detectors)
{
    /// <summary>Share of present values a detector must recognise for the column to count as personal data.</summary>
    public const double Threshold = 0.8;

    private readonly int[] _matches = new int[detectors.Count];
    private readonly bool[] _givenUp = new bool[detectors.Count];
    private int _present;

    public void Add(string value)
    {
        _present++;
        for (var i = 0; i < _matches.Length; i++)
        {
            if (_givenUp[i])
            {
                continue;
            }

            if (detectors[i].Matches(value))
            {
                _matches[i]++;
            }
            else if (_present - _matches[i] > (1 - Threshold) * Math.Max(_present, 50))
            {
                _givenUp[i] = true; // too many misses already for this detector to reach the threshold
            }
        }
    }

    /// <summary>The kind most values matched, if any detector reached the threshold.</summary>
    public SensitiveKind? Result()
    {
        SensitiveKind? best = null;
        var bestMatches = 0;
        for (var i = 0; i < _matches.Length; i++)
        {
            if (!_givenUp[i] && _present > 0 && _matches[i] >= Threshold * _present && _matches[i] > bestMatches)
            {
                best = detectors[i].Kind;
                bestMatches = _matches[i];
            }
        }

        return best;
    }
}
