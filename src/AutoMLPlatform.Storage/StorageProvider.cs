namespace AutoMLPlatform.Storage;

/// <summary>The database behind the stores.</summary>
public enum StorageProvider
{
    /// <summary>A file under the data directory: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for several processes and machines.</summary>
    Postgres,
}
