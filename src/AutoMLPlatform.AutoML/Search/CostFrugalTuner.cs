
using AutoMLPlatform.AutoML.Hyperparameters;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// A randomized direct local search in the spirit of FLOW2, the search inside FLAML's CFO (Wu, Wang, Huang, 2021).
/// It starts at the space's low-cost point and from the incumbent x tries x + δu for a random unit direction u,
/// then x − δu; it moves only when a point improves the loss. Because the start is the cheapest corner (fewest
/// trees, fewest leaves), the search spends more per trial only once bigger models have proved to pay. After
/// <see cref="Patience"/> directions without improvement the step δ shrinks; when it is tiny the search restarts
/// from a random point, keeping nothing but what it has learnt about repeats. Unordered choices (a normalizer, a
/// switch) have no direction to step in: a share of the moves, as large as their share of the dimensions, instead
/// sets one choice to another of its options at random. The space's suggestions (known-good
/// defaults) are tried right after the start, and the search moves to one when it beats the start: FLAML's
/// "points to evaluate".
/// </summary>
internal sealed class CostFrugalTuner : ITuner
{
    /// <summary>Initial step, per √dimension (FLAML uses the same scale).</summary>
    private const double InitialStepPerRootDimension = 0.1;

    private const double StepShrink = 0.7;

    /// <summary>How often a proposal may fall on an already-tried configuration before one is accepted anyway.</summary>
    private const int MaxRepeatRedraws = 32;

    private readonly SearchSpace _space;
    private readonly Random _random;
    private readonly double _initialStep;
    private readonly double _minimumStep;
    private readonly Dictionary<string, double> _tried = new(StringComparer.Ordinal);
    private readonly Queue<double[]> _suggestions;
    private readonly int[] _choices;

    private double[]? _incumbent;
    private double _incumbentLoss = double.PositiveInfinity;
    private double[]? _direction;
    private bool _oppositePending;
    private bool _startProposed;
    private int _failedDirections;

    public CostFrugalTuner(SearchSpace space, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
        _random = new Random(seed);
        _initialStep = InitialStepPerRootDimension * Math.Sqrt(Math.Max(1, space.Dimension));
        _minimumStep = _initialStep / 64;
        Step = _initialStep;
        _suggestions = new Queue<double[]>(space.SuggestedUnits());
        _choices = Enumerable.Range(0, space.Dimension).Where(i => space.Parameters[i].Kind == HyperparameterKind.Choice).ToArray();
        Patience = Math.Max(2, Math.Min(1 << Math.Min(space.Dimension - 1, 16), 2 * space.Dimension));
    }

    /// <summary>The current step size δ, in unit coordinates.</summary>
    public double Step { get; private set; }

    /// <summary>Directions tried without improvement before the step shrinks.</summary>
    public int Patience { get; }

    public double[] Propose()
    {
        if (_incumbent is null)
        {
            if (!_startProposed)
            {
                _startProposed = true;
                return _space.InitUnit();
            }

            // The start failed (or a restart is due): begin again somewhere random.
            return RandomPoint();
        }

        if (!_oppositePending && _suggestions.TryDequeue(out var suggestion))
        {
            _direction = null;
            return suggestion;
        }

        for (var attempt = 0; attempt < MaxRepeatRedraws; attempt++)
        {
            double[] candidate;
            if (_oppositePending && _direction is not null)
            {
                _oppositePending = false;
                candidate = Move(_incumbent, _direction, -Step);
            }
            else if (_choices.Length > 0 && _random.NextDouble() < _choices.Length / (double)_space.Dimension)
            {
                // A choice move has no opposite: it counts as one direction tried.
                _direction = [];
                _oppositePending = false;
                candidate = SwitchChoice(_incumbent);
            }
            else
            {
                _direction = RandomDirection();
                _oppositePending = true;
                candidate = Move(_incumbent, _direction, Step);
            }

            // A point that rounds to a configuration already tried tells nothing new: count it as the trial it
            // would repeat, without spending a trial on it.
            if (!_tried.TryGetValue(_space.Decode(candidate).Key, out var knownLoss))
            {
                return candidate;
            }

            Learn(candidate, knownLoss);
            if (_incumbent is null)
            {
                return RandomPoint();
            }
        }

        return Move(_incumbent, RandomDirection(), Step);
    }

    public void Update(double[] point, double loss, double cost)
    {
        ArgumentNullException.ThrowIfNull(point);
        _tried[_space.Decode(point).Key] = loss;
        Learn(point, loss);
    }

    private void Learn(double[] point, double loss)
    {
        if (_incumbent is null)
        {
            if (double.IsFinite(loss))
            {
                _incumbent = point;
                _incumbentLoss = loss;
                _oppositePending = false;
            }

            return;
        }

        if (loss < _incumbentLoss)
        {
            _incumbent = point;
            _incumbentLoss = loss;
            _oppositePending = false;
            _failedDirections = 0;
            return;
        }

        if (_oppositePending || _direction is null)
        {
            return; // x + δu did not help: x − δu is next; or a suggestion did not help: nothing to count
        }

        _failedDirections++;
        if (_failedDirections < Patience)
        {
            return;
        }

        _failedDirections = 0;
        Step *= StepShrink;
        if (Step < _minimumStep)
        {
            // Converged here: restart from a random point with the full step.
            Step = _initialStep;
            _incumbent = null;
            _incumbentLoss = double.PositiveInfinity;
        }
    }

    private double[] SwitchChoice(double[] from)
    {
        var point = (double[])from.Clone();
        var dimension = _choices[_random.Next(_choices.Length)];
        var options = _space.Parameters[dimension].Choices.Count;
        var current = (int)_space.Parameters[dimension].FromUnit(from[dimension]);
        var other = (current + 1 + _random.Next(Math.Max(1, options - 1))) % options;
        point[dimension] = (other + 0.5) / options;
        return point;
    }

    /// <summary>A random unit direction over the ordered dimensions (choices stay where they are).</summary>
    private double[] RandomDirection()
    {
        var direction = new double[_space.Dimension];
        double norm;
        do
        {
            for (var i = 0; i < direction.Length; i++)
            {
                direction[i] = _choices.Contains(i) ? 0 : Gaussian.Sample(_random);
            }

            norm = Math.Sqrt(direction.Sum(d => d * d));
        }
        while (norm < 1e-12);

        for (var i = 0; i < direction.Length; i++)
        {
            direction[i] /= norm;
        }

        return direction;
    }

    private double[] RandomPoint() => Enumerable.Range(0, _space.Dimension).Select(_ => _random.NextDouble()).ToArray();

    private static double[] Move(double[] from, double[] direction, double step) =>
        from.Select((x, i) => Math.Clamp(x + step * direction[i], 0, 1)).ToArray();
}
