using System.Text.Json;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// One loaded model version, ready to predict from JSON rows. Reference-counted: the cache holds one reference,
/// each request holds one through a <see cref="ScoringModelLease"/>; when the cache retires a version (its alias
/// moved on), it is disposed only after its last in-flight request ends.
/// </summary>
public abstract class ScoringModel
{
    private int _references = 1;
    private long _lastUsedTicks;

    protected ScoringModel(ModelVersion version, ModelManifest manifest)
    {
        Version = version;
        Manifest = manifest;
    }

    public ModelVersion Version { get; }

    public ModelManifest Manifest { get; }

    /// <summary>When a request last acquired it (<see cref="Environment.TickCount64"/>).</summary>
    public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

    /// <summary>Predicts one row given as a JSON object.</summary>
    public abstract Prediction Predict(JsonElement row);

    /// <summary>Predicts each element of a JSON array of objects into <paramref name="results"/>.</summary>
    public abstract void PredictMany(JsonElement rows, Span<Prediction> results);

    /// <summary>Takes a reference for one request; false if the model was already retired and disposed.</summary>
    internal bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                Volatile.Write(ref _lastUsedTicks, Environment.TickCount64);
                return true;
            }
        }
    }

    /// <summary>Drops a reference; the last one out releases the model's resources.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            ReleaseResources();
        }
    }

    protected abstract void ReleaseResources();
}
