namespace AutoMLPlatform.Storage.Database;

/// <summary>One numbered schema change. The SQL is written once for both databases (portable types only).</summary>
internal sealed record Migration(int Version, string Description, string Sql);
