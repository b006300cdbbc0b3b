namespace AutoMLPlatform.Core.Security;

/// <summary>
/// What an API key may do. <see cref="Admin"/> includes every other scope; <see cref="Train"/> includes
/// <see cref="Read"/> and <see cref="Feedback"/>; <see cref="Predict"/> is scoring only; <see cref="Feedback"/> is sending outcomes only.
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

    /// <summary>Send the true outcomes of logged predictions (<c>POST /api/models/{name}/feedback</c>), and nothing else.</summary>
    Feedback = 16,
}
