using System.Globalization;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Core.Tables;

/// <summary>Watches one column's values go by and decides its type and counts at the end, in one pass.</summary>
internal sealed class ColumnAccumulator
{
    /// <summary>Distinct values counted exactly up to this many; beyond it the count is a lower bound.</summary>
    internal const int DistinctCap = 1_000_000;

    /// <summary>Mean words per value from which a string column is free text rather than a category.</summary>
    private const double TextMinMeanWords = 3.0;

    /// <summary>Share of distinct values from which a wordy string column is free text.</summary>
    private const double TextMinDistinctRatio = 0.1;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    private readonly HashSet<ulong> _distinct = [];
    private bool _distinctCapped;
    private long _present;
    private long _missing;
    private bool _allNumeric = true;
    private bool _allBoolean = true;
    private bool _allDate = true;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private double _sum;
    private long _words;

    private readonly SensitiveValueCounter? _sensitive;

    public ColumnAccumulator(string name, IReadOnlyList<ISensitiveValueDetector> detectors)
    {
        Name = name;
        _sensitive = detectors.Count > 0 ? new SensitiveValueCounter(detectors) : null;
    }

    public string Name { get; }

    public void Add(string value)
    {
        if (Missing.Is(value))
        {
            _missing++;
            return;
        }

        _present++;
        _sensitive?.Add(value);
        if (!_distinctCapped)
        {
            _distinct.Add(Fnv1a64(value));
            _distinctCapped = _distinct.Count >= DistinctCap;
        }

        if (_allNumeric)
        {
            if (NumericParser.TryParse(value, out var number))
            {
                _min = Math.Min(_min, number);
                _max = Math.Max(_max, number);
                _sum += number;
                return; // a number is neither boolean, date nor words
            }

            _allNumeric = false;
        }

        _allBoolean = _allBoolean && BooleanParser.TryParse(value, out _);
        _allDate = _allDate && DateTime.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out _);
        _words += CountWords(value);
    }

    public ColumnProfile ToProfile()
    {
        var distinct = _distinct.Count;
        var type = InferType(distinct);
        var kind = _sensitive?.Result();

        // A range of card or phone numbers is itself personal data: sensitive columns get no numeric summary.
        var numeric = type == ColumnType.Numeric && _present > 0 && kind is null ? new NumericSummary(_min, _max, _sum / _present) : null;
        var sensitive = kind is { } k
            ? new SensitiveColumn(k, $"{SensitiveReasons.Describe(k)} in at least {SensitiveValueCounter.Threshold:P0} of its values.", SensitiveHandling.Drop)
            : null;
        return new ColumnProfile(Name, type, _missing, distinct, _distinctCapped, numeric, Sensitive: sensitive);
    }

    private ColumnType InferType(int distinct)
    {
        if (_present == 0)
        {
            return ColumnType.Categorical; // nothing to go by; an all-missing column is ignored later anyway
        }

        if (_allNumeric)
        {
            return ColumnType.Numeric;
        }

        if (_allBoolean)
        {
            return ColumnType.Boolean;
        }

        if (_allDate)
        {
            return ColumnType.DateTime;
        }

        var meanWords = (double)_words / _present;
        var distinctRatio = (double)distinct / _present;
        return meanWords >= TextMinMeanWords && distinctRatio >= TextMinDistinctRatio ? ColumnType.Text : ColumnType.Categorical;
    }

    private static int CountWords(string value)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in value)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                words++;
            }

            inWord = !isSpace;
        }

        return words;
    }

    private static ulong Fnv1a64(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
