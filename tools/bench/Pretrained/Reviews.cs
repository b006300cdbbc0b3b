using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Bench.Pretrained;

/// <summary>The fine_foods reviews, loaded as the platform loads an upload.</summary>
internal static class Reviews
{
    public static async Task<(LoadedTable Train, LoadedTable Test, DatasetSchema Schema)> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        DatasetSchema schema;
        await using (var profile = File.OpenRead(Path.Combine(folder, "train.csv")))
        {
            schema = (await TableProfiler.ProfileAsync(profile, ',', cancellationToken)).Schema;
        }

        await using var train = File.OpenRead(Path.Combine(folder, "train.csv"));
        await using var test = File.OpenRead(Path.Combine(folder, "test.csv"));
        return (await TableLoader.LoadAsync(train, ',', schema, cancellationToken), await TableLoader.LoadAsync(test, ',', schema, cancellationToken), schema);
    }

    /// <summary>The schema of the review and score columns.</summary>
    public static DatasetSchema Schema(DatasetSchema schema) => new(schema.Columns.Where(c => c.Name is "review" or "score").ToArray());
}
