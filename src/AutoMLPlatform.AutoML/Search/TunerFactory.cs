
using AutoMLPlatform.AutoML.Hyperparameters;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>Makes the tuner and trainer selector of a <see cref="TunerKind"/>.</summary>
internal static class TunerFactory
{
    public static ITuner Create(TunerKind kind, SearchSpace space, int seed) => kind switch
    {
        TunerKind.CostFrugal => new CostFrugalTuner(space, seed),
        TunerKind.Random => new RandomTuner(space, seed),
        TunerKind.Tpe => new TpeTuner(space, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ITrainerSelector Selector(TunerKind kind, int seed, LossScale scale) =>
        kind == TunerKind.Random ? new UniformTrainerSelector(seed) : new CostAwareTrainerSelector(seed, scale);
}
