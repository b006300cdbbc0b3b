using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.TestSupport;

/// <summary>Asks a model trained on <see cref="HashedTables.CustomersCsv"/> about one customer, through ML.NET alone.</summary>
public static class HashedModels
{
    /// <summary>The probability of "yes" that <paramref name="model"/> gives the customer with <paramref name="phone"/> (x = 0.5).</summary>
    public static float Probability(ITransformer model, string phone) =>
        new MLContext(2).Model.CreatePredictionEngine<CustomerRow, BinaryPrediction>(model).Predict(new CustomerRow { Phone = phone, X = 0.5f }).Probability;

    private sealed class CustomerRow
    {
        [ColumnName("phone")]
        public string Phone { get; set; } = "";

        [ColumnName("x")]
        public float X { get; set; }
    }

    private sealed class BinaryPrediction
    {
        public float Probability { get; set; }
    }
}
