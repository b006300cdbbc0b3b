namespace AutoMLPlatform.AutoML.Hyperparameters;

/// <summary>
/// One dimension of a search space. Tuners see every dimension as the unit interval [0, 1]; this type maps a unit
/// coordinate to a value and back, on a log scale where <see cref="Log"/> is set (learning rates, regularization,
/// tree counts), so that a step of the same size means the same relative change anywhere in the range.
/// </summary>
internal sealed record Hyperparameter
{
    private Hyperparameter(string name, HyperparameterKind kind, double low, double high, bool log, double init, IReadOnlyList<string> choices)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!(low <= high) || (log && low <= (kind == HyperparameterKind.Integer ? 0.5 : 0)) || init < low || init > high)
        {
            throw new ArgumentOutOfRangeException(nameof(init), $"Hyperparameter '{name}' needs low <= init <= high (and low > 0 on a log scale).");
        }

        Name = name;
        Kind = kind;
        Low = low;
        High = high;
        Log = log;
        Init = init;
        Choices = choices;
    }

    public string Name { get; }

    public HyperparameterKind Kind { get; }

    public double Low { get; }

    public double High { get; }

    public bool Log { get; }

    /// <summary>The low-cost starting value every tuner tries first.</summary>
    public double Init { get; }

    /// <summary>The options of a <see cref="HyperparameterKind.Choice"/>; a choice's value is its index here.</summary>
    public IReadOnlyList<string> Choices { get; }

    public static Hyperparameter Float(string name, double low, double high, double init, bool log = false) =>
        new(name, HyperparameterKind.Float, low, high, log, init, []);

    public static Hyperparameter Integer(string name, int low, int high, int init, bool log = false) =>
        new(name, HyperparameterKind.Integer, low, high, log, init, []);

    public static Hyperparameter Choice(string name, IReadOnlyList<string> choices, int init = 0)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return new(name, HyperparameterKind.Choice, 0, choices.Count - 1, false, init, choices);
    }

    /// <summary>The value at unit coordinate <paramref name="unit"/> (clamped to [0, 1]), rounded for integers and choices.</summary>
    public double FromUnit(double unit)
    {
        var u = Math.Clamp(double.IsFinite(unit) ? unit : 0.5, 0, 1);
        switch (Kind)
        {
            case HyperparameterKind.Choice:
                return Math.Min(Choices.Count - 1, Math.Floor(u * Choices.Count));
            case HyperparameterKind.Integer:
                // Widen by half a step each side, so that the end values get as much of the unit interval as the others.
                var (low, high) = IntegerBounds();
                var x = low + u * (high - low);
                var value = Log ? Math.Exp(x) : x;
                return Math.Clamp(Math.Round(value), Low, High);
            default:
                return Log ? Math.Exp(Math.Log(Low) + u * (Math.Log(High) - Math.Log(Low))) : Low + u * (High - Low);
        }
    }

    /// <summary>The unit coordinate of <paramref name="value"/>: the inverse of <see cref="FromUnit"/> (the middle of a discrete value's cell).</summary>
    public double ToUnit(double value)
    {
        switch (Kind)
        {
            case HyperparameterKind.Choice:
                return (Math.Clamp(Math.Round(value), 0, Choices.Count - 1) + 0.5) / Choices.Count;
            case HyperparameterKind.Integer:
                var (low, high) = IntegerBounds();
                var x = Log ? Math.Log(Math.Clamp(value, Low, High)) : Math.Clamp(value, Low, High);
                return high > low ? (x - low) / (high - low) : 0.5;
            default:
                if (High <= Low)
                {
                    return 0.5;
                }

                var v = Math.Clamp(value, Low, High);
                return Log ? (Math.Log(v) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)) : (v - Low) / (High - Low);
        }
    }

    private (double Low, double High) IntegerBounds() =>
        Log ? (Math.Log(Low - 0.5), Math.Log(High + 0.5)) : (Low - 0.5, High + 0.5);

    /// <summary>The value as shown on the leaderboard: an int, a rounded double or the choice's name.</summary>
    public object Display(double value) => Kind switch
    {
        HyperparameterKind.Choice => Choices[(int)value],
        HyperparameterKind.Integer => (int)value,
        _ => Math.Round(value, 6, MidpointRounding.AwayFromZero) is var r && r != 0 ? r : value,
    };
}
