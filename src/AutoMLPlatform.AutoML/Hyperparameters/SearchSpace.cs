
namespace AutoMLPlatform.AutoML.Hyperparameters;

/// <summary>The hyperparameters of one trainer: a unit hypercube to tuners, a <see cref="Configuration"/> to the trainer.</summary>
internal sealed class SearchSpace
{
    /// <param name="parameters">The dimensions.</param>
    /// <param name="suggestions">
    /// Known-good configurations (a library's defaults, say) that tuners try right after the low-cost start: partial,
    /// by name; unnamed dimensions keep their starting value.
    /// </param>
    public SearchSpace(IReadOnlyList<Hyperparameter> parameters, IReadOnlyList<IReadOnlyDictionary<string, double>>? suggestions = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Suggestions = suggestions ?? [];
        if (Suggestions.SelectMany(s => s.Keys).Any(name => !parameters.Any(p => p.Name == name)))
        {
            throw new ArgumentException("A suggestion names a hyperparameter the space does not have.", nameof(suggestions));
        }

        if (parameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != parameters.Count)
        {
            throw new ArgumentException("Hyperparameter names must be unique.", nameof(parameters));
        }

        Parameters = parameters;
    }

    public IReadOnlyList<Hyperparameter> Parameters { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, double>> Suggestions { get; }

    /// <summary>The suggestions in unit coordinates, in order.</summary>
    public IReadOnlyList<double[]> SuggestedUnits() => Suggestions
        .Select(s => Parameters.Select(p => p.ToUnit(s.TryGetValue(p.Name, out var v) ? v : p.Init)).ToArray())
        .ToArray();

    public int Dimension => Parameters.Count;

    /// <summary>The low-cost starting point, in unit coordinates.</summary>
    public double[] InitUnit() => Parameters.Select(p => p.ToUnit(p.Init)).ToArray();

    public Configuration Decode(IReadOnlyList<double> unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Count != Dimension)
        {
            throw new ArgumentException($"A point of this space has {Dimension} coordinates, not {unit.Count}.", nameof(unit));
        }

        var values = new double[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            values[i] = Parameters[i].FromUnit(unit[i]);
        }

        return new Configuration(this, values);
    }

    /// <summary>The configuration at the low-cost starting point.</summary>
    public Configuration Initial() => Decode(InitUnit());
}
