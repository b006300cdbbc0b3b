namespace AutoMLPlatform.Scoring.Models;

/// <summary>A request's hold on a model: the model stays alive until the lease is disposed.</summary>
public readonly struct ScoringModelLease : IDisposable
{
    internal ScoringModelLease(ScoringModel model, ScoringModel? shadow = null)
    {
        Model = model;
        Shadow = shadow;
    }

    public ScoringModel Model { get; }

    /// <summary>The version that scores the request's rows in the shadow (not leased: the shadow scorer takes its own reference), or null.</summary>
    internal ScoringModel? Shadow { get; }

    public void Dispose() => Model?.Release();
}
