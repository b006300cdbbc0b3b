using System.Globalization;

namespace AutoMLPlatform.AutoML.Hyperparameters;

/// <summary>Concrete values for every hyperparameter of a <see cref="SearchSpace"/>.</summary>
internal sealed class Configuration
{
    private readonly double[] _values;

    public Configuration(SearchSpace space, double[] values)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(values);
        Space = space;
        _values = values;
    }

    public SearchSpace Space { get; }

    /// <summary>The configuration's unit coordinates (the middle of each discrete value's cell).</summary>
    public double[] Unit => Space.Parameters.Select((p, i) => p.ToUnit(_values[i])).ToArray();

    /// <summary>A key equal for configurations that train the same model: tuners use it to skip repeats.</summary>
    public string Key => string.Join("|", _values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    public double Float(string name) => _values[IndexOf(name)];

    public int Int(string name) => (int)_values[IndexOf(name)];

    public string Choice(string name)
    {
        var index = IndexOf(name);
        return Space.Parameters[index].Choices[(int)_values[index]];
    }

    public bool Has(string name) => Space.Parameters.Any(p => p.Name == name);

    /// <summary>The same configuration with <paramref name="name"/> set to <paramref name="value"/>, which may lie outside its range.</summary>
    public Configuration With(string name, double value)
    {
        var values = (double[])_values.Clone();
        values[IndexOf(name)] = value;
        return new Configuration(Space, values);
    }

    /// <summary>The values by name, as the leaderboard and model lineage show them.</summary>
    public IReadOnlyDictionary<string, object> ToDisplay() =>
        Space.Parameters.Select((p, i) => (p.Name, Value: p.Display(_values[i]))).ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);

    public override string ToString() =>
        string.Join(", ", ToDisplay().Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}")));

    private int IndexOf(string name)
    {
        for (var i = 0; i < Space.Parameters.Count; i++)
        {
            if (Space.Parameters[i].Name == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"The search space has no hyperparameter '{name}'.");
    }
}
