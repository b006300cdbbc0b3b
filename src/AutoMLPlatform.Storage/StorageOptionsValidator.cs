using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Storage;

/// <summary>Cross-field rules: PostgreSQL needs a connection string, so a bad setting stops start-up, not the first request.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail($"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} is required when the provider is Postgres.")
            : ValidateOptionsResult.Success;
}
