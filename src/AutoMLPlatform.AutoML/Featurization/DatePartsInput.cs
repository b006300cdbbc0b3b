using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>The row the <see cref="DateParts"/> mapping reads. Public because saved models refer to it.</summary>
public sealed class DatePartsInput
{
    [ColumnName(DateParts.InputColumn)]
    public string Text { get; set; } = string.Empty;
}
