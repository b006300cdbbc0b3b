using Microsoft.ML.Data;

namespace AutoMLPlatform.Bench.KeyedHash;

/// <summary>One row of the generated table, as a prediction engine reads it.</summary>
internal sealed class CustomerRow
{
    [ColumnName("email")]
    public string Email { get; set; } = "";

    [ColumnName("amount")]
    public float Amount { get; set; }
}
