namespace AutoMLPlatform.Scoring.Models;

/// <summary>A request's hold on a model: the model stays alive until the lease is disposed.</summary>
public readonly struct ScoringModelLease : IDisposable
{
    internal ScoringModelLease(ScoringModel model) => Model = model;

    public ScoringModel Model { get; }

    public void Dispose() => Model?.Release();
}
