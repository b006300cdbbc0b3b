using Microsoft.ML.Transforms;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>Lets ML.NET rebuild the <see cref="DateParts"/> mapping when it loads a saved model.</summary>
[CustomMappingFactoryAttribute(DateParts.ContractName)]
public sealed class DatePartsFactory : CustomMappingFactory<DatePartsInput, DatePartsOutput>
{
    public override Action<DatePartsInput, DatePartsOutput> GetMapping() => DateParts.Map;
}
