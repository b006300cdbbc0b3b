using System.Text.Json;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Drift;
using AutoMLPlatform.Scoring.Explaining;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// One loaded model version, ready to predict. Reference-counted: the cache holds one reference, each request holds one
/// through a <see cref="ScoringModelLease"/>; when the cache retires a version (its alias moved on), its engines are
/// disposed only after the last in-flight request ends.
/// </summary>
public abstract class ScoringModel
{
    private int _references = 1;
    private long _lastExplicitUseTicks;
    private long _enginesCreated;
    private DriftSink? _drift;

    private protected ScoringModel(ModelVersion version, ModelManifest manifest, InputColumns inputs, OutputShape output)
    {
        Version = version;
        Manifest = manifest;
        Inputs = inputs;
        Output = output;
        EncodedName = JsonEncodedText.Encode(version.ModelName);
        VersionText = version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public ModelVersion Version { get; }

    public ModelManifest Manifest { get; }

    /// <summary>True once the last reference is gone and the engines are disposed.</summary>
    public bool IsReleased => Volatile.Read(ref _references) == 0;

    internal InputColumns Inputs { get; }

    internal OutputShape Output { get; }

    /// <summary>The version number as text, made once for the <c>X-Model-Version</c> header.</summary>
    internal string VersionText { get; }

    /// <summary>The model's name, encoded once for the JSON writers.</summary>
    internal JsonEncodedText EncodedName { get; }

    /// <summary>
    /// Engines created so far: the pool size after warm-up, then one more each time more requests ran at once than the
    /// pool keeps. A count that keeps rising means <see cref="ScoringOptions.EnginesPerModel"/> is too small.
    /// </summary>
    internal long EnginesCreated => Interlocked.Read(ref _enginesCreated);

    /// <summary>When a request last named this version explicitly (<see cref="Environment.TickCount64"/>), or 0.</summary>
    internal long LastExplicitUseTicks => Volatile.Read(ref _lastExplicitUseTicks);

    /// <summary>Where every scored row is counted for drift; null while drift is off or before the model takes traffic.</summary>
    internal DriftSink? Drift => _drift;

    /// <summary>Starts counting scored rows into <paramref name="sink"/>; called once, after warm-up, so warm-up rows are not counted.</summary>
    internal void AttachDrift(DriftSink? sink) => Volatile.Write(ref _drift, sink);

    /// <summary>Borrows a session (engine, row, answer) from the pool; give it back with <see cref="Return"/>.</summary>
    internal ScoringSession Rent() => Sessions.Get();

    internal void Return(ScoringSession session) => Sessions.Return(session);

    /// <summary>The version's sessions, set once by the subclass's constructor; here so renting is a direct call.</summary>
    private protected ThreadAffinePool<ScoringSession> Sessions { get; init; } = null!;

    /// <summary>Explains this version's predictions per input column; made on first use, never by the plain predict path.</summary>
    internal abstract RowExplainer Explainer { get; }

    /// <summary>Takes a reference for one request; false if the model was already retired and released.</summary>
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
                return true;
            }
        }
    }

    private protected void CountEngineCreated() => Interlocked.Increment(ref _enginesCreated);

    /// <summary>Records a request that asked for this version by number, which keeps it loaded for a while after it is retired.</summary>
    internal void MarkExplicitUse() => Volatile.Write(ref _lastExplicitUseTicks, Environment.TickCount64);

    /// <summary>Drops a reference; the last one out releases the model's resources.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            ReleaseResources();
        }
    }

    private protected abstract void ReleaseResources();
}
