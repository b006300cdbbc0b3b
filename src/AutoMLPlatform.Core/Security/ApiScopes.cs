namespace AutoMLPlatform.Core.Security;

/// <summary>
/// What an API key may do. <see cref="Admin"/> includes every other scope; <see cref="Train"/> includes
/// <see cref="Read"/>; <see cref="Predict"/> is scoring only.
/// </summary>
[Flags]
public enum ApiScopes
{
    None = 0,

    /// <summary>List and get datasets, jobs, models and pipelines.</summary>
    Read = 1,

    /// <summary>Call the prediction endpoints.</summary>
    Predict = 2,

    /// <summary>Upload datasets, submit and cancel jobs, manage pipelines, change the registry.</summary>
    Train = 4,

    /// <summary>Manage the tenant's keys and read its audit log.</summary>
    Admin = 8,
}
