using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Feedback;

/// <summary>
/// The prediction log and the feedback on it, per tenant and model. Inputs are sealed under the tenant's data key by
/// the implementation; outputs and feedback stay readable so live quality is computed in the database's order.
/// </summary>
public interface IPredictionLogStore
{
    /// <summary>The model's logging settings, <see cref="PredictionLogSettings.Off"/> when never set.</summary>
    Task<PredictionLogSettings> GetSettingsAsync(TenantId tenant, string modelName, CancellationToken cancellationToken);

    Task SetSettingsAsync(TenantId tenant, string modelName, PredictionLogSettings settings, CancellationToken cancellationToken);

    /// <summary>Every model whose logging is on, for the scoring hosts' switchboard.</summary>
    Task<IReadOnlyList<(TenantId Tenant, string ModelName, PredictionLogSettings Settings)>> ListEnabledAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends a batch in one transaction (rows of several tenants and models may mix). Each row's id must be a
    /// time-ordered id stamped with its prediction time (<see cref="PredictionId.New(DateTimeOffset)"/>): the store finds
    /// rows by it. A batch with any other id is refused whole (<see cref="ArgumentException"/>).
    /// </summary>
    Task AppendAsync(IReadOnlyList<LoggedPrediction> batch, CancellationToken cancellationToken);

    /// <summary>Stores each feedback row on its prediction of <paramref name="tenant"/>'s <paramref name="modelName"/>; one outcome per row, in order.</summary>
    Task<IReadOnlyList<FeedbackOutcome>> AddFeedbackAsync(TenantId tenant, string modelName, IReadOnlyList<PredictionFeedback> feedback,
        DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>What is needed to check feedback rows before they are stored: the version that answered each known id.</summary>
    Task<IReadOnlyDictionary<PredictionId, int>> FindVersionsAsync(TenantId tenant, string modelName, IReadOnlyList<PredictionId> ids,
        CancellationToken cancellationToken);

    /// <summary>The version's logged predictions in [<paramref name="from"/>, <paramref name="to"/>), oldest first, with their feedback.</summary>
    Task<IReadOnlyList<LabelledPrediction>> ReadAsync(TenantId tenant, string modelName, int version, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken);

    /// <summary>The inputs of the given logged predictions (decrypted JSON objects, as the model saw them); unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<PredictionId, string>> ReadInputsAsync(TenantId tenant, string modelName, IReadOnlyList<PredictionId> ids,
        CancellationToken cancellationToken);

    /// <summary>Deletes rows older than their model's retention at <paramref name="now"/>; returns how many.</summary>
    Task<long> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
