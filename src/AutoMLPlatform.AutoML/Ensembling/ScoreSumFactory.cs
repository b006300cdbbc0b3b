using Microsoft.ML.Transforms;

namespace AutoMLPlatform.AutoML.Ensembling;

/// <summary>Lets ML.NET rebuild the <see cref="ScoreSum"/> mapping when it loads a saved model.</summary>
[CustomMappingFactoryAttribute(ScoreSum.ContractName)]
public sealed class ScoreSumFactory : CustomMappingFactory<ScoreSumInput, ScoreSumOutput>
{
    public override Action<ScoreSumInput, ScoreSumOutput> GetMapping() => ScoreSum.Map;
}
