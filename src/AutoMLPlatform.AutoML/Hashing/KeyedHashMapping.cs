using AutoMLPlatform.Core.Security;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Hashing;

/// <summary>
/// The ML.NET stage that replaces one text column by its keyed hashes: a <c>CustomMapping</c> whose delegate closes
/// over the tenant's hasher, writing the hashes under the column's own name so the stages after it read them instead
/// of the raw values. It has no contract name and cannot be saved, by design: the key must not enter a model file.
/// </summary>
internal static class KeyedHashMapping
{
    public static ITransformer Create(MLContext mlContext, string column, IKeyedHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(hasher);
        var input = SchemaDefinition.Create(typeof(RawValue));
        input[nameof(RawValue.Value)].ColumnName = column;
        var output = SchemaDefinition.Create(typeof(HashedValue));
        output[nameof(HashedValue.Value)].ColumnName = column;
        var estimator = mlContext.Transforms.CustomMapping<RawValue, HashedValue>(
            (raw, hashed) => hashed.Value = hasher.Hash(raw.Value.Span), contractName: null, input, output);

        // Fitting reads only the schema: an empty view with the one column serves.
        return estimator.Fit(mlContext.Data.LoadFromEnumerable(Array.Empty<RawValue>(), input));
    }

    internal sealed class RawValue
    {
        public ReadOnlyMemory<char> Value { get; set; }
    }

    internal sealed class HashedValue
    {
        public string Value { get; set; } = string.Empty;
    }
}
