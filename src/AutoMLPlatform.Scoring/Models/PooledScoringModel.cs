using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Explaining;
using AutoMLPlatform.Scoring.Outputs;
using AutoMLPlatform.Scoring.RowTypes;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// A model version behind a pool of sessions, each owning a <see cref="PredictionEngine{TSrc,TDst}"/> (not thread-safe,
/// so each request borrows one), the row it reads and the output it writes: predicting allocates nothing of ours.
/// Every session is created and run once before the model takes traffic, so no request pays for JIT or engine creation.
/// The pool keeps a session per thread in front of the shared one (<see cref="ThreadAffinePool{T}"/>).
/// </summary>
internal sealed class PooledScoringModel<TRow, TOut> : ScoringModel
    where TRow : class, new()
    where TOut : class, new()
{
    private readonly ITransformer _transformer;
    private readonly Lazy<RowExplainer> _explainer;

    public PooledScoringModel(ModelVersion version, LoadedModel loaded, MLContext mlContext, RowType rowType, OutputShape output,
        OutputReader<TOut> reader, int poolSize)
        : base(version, loaded.Manifest, new InputColumns(rowType.Columns), output)
    {
        _transformer = loaded.Transformer;
        var rows = TypedRowTarget<TRow>.Factory(rowType, Inputs);
        var policy = new SessionPolicy(() =>
        {
            CountEngineCreated();
            return new Session(
                mlContext.Model.CreatePredictionEngine<TRow, TOut>(loaded.Transformer, ignoreMissingColumns: false, inputSchemaDefinition: rowType.Schema),
                rows(), output.NewValues(), reader, this);
        });
        _explainer = new Lazy<RowExplainer>(() => new ShapleyExplainer<TRow>(mlContext, loaded.Transformer, rowType, Inputs, output));
        Sessions = new ThreadAffinePool<ScoringSession>(policy, poolSize);
        WarmUp(poolSize);
    }

    internal override RowExplainer Explainer => _explainer.Value;

    private protected override void ReleaseResources()
    {
        Sessions.Dispose();
        (_transformer as IDisposable)?.Dispose();
    }

    /// <summary>Creates every pooled session and predicts an all-missing row with each, so JIT and lazy set-up happen now.</summary>
    private void WarmUp(int poolSize)
    {
        var sessions = new ScoringSession[poolSize];
        for (var i = 0; i < poolSize; i++)
        {
            sessions[i] = Sessions.Get();
            sessions[i].Predict();
        }

        foreach (var session in sessions)
        {
            Sessions.Return(session);
        }
    }

    private sealed class Session(PredictionEngine<TRow, TOut> engine, TypedRowTarget<TRow> row, PredictionValues values, OutputReader<TOut> reader,
        ScoringModel owner)
        : ScoringSession(row, values)
    {
        private readonly TypedRowTarget<TRow> _target = row;
        private readonly TRow _row = row.Row;
        private TOut _output = new();
        private Drift.DriftShard? _drift;

        public override void Predict()
        {
            _target.Commit();
            engine.Predict(_row, ref _output);
            reader.Read(_output, Output);
            owner.Drift?.Record(ref _drift, Row, Output);
        }

        public override void Dispose()
        {
            _drift?.Release();
            engine.Dispose();
        }
    }

    private sealed class SessionPolicy(Func<Session> create) : PooledObjectPolicy<ScoringSession>
    {
        public override ScoringSession Create() => create();

        public override bool Return(ScoringSession obj) => true;
    }
}
