using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>The row the <see cref="DateParts"/> mapping writes. Public because saved models refer to it.</summary>
public sealed class DatePartsOutput
{
    [ColumnName(DateParts.PartsColumn)]
    [VectorType(DateParts.PartCount)]
    public float[] Parts { get; set; } = new float[DateParts.PartCount];

    [ColumnName(DateParts.MissingColumn)]
    public float Missing { get; set; }
}
