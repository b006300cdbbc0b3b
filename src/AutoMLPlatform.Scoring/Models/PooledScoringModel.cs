using System.Text.Json;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.RowTypes;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// A model version behind a pool of <see cref="PredictionEngine{TSrc,TDst}"/>s (an engine is not thread-safe, so
/// each request borrows one). Each pooled slot also owns a row and an output object, so predicting allocates
/// nothing but the answer.
/// </summary>
internal sealed class PooledScoringModel<TRow, TOut> : ScoringModel
    where TRow : class, new()
    where TOut : class, new()
{
    private readonly ObjectPool<EngineSlot> _pool;
    private readonly RowBinder<TRow> _binder;
    private readonly OutputReader<TOut> _reader;
    private readonly ITransformer _transformer;

    public PooledScoringModel(ModelVersion version, LoadedModel loaded, MLContext mlContext, RowType rowType, OutputReader<TOut> reader, int poolSize)
        : base(version, loaded.Manifest)
    {
        _transformer = loaded.Transformer;
        _binder = new RowBinder<TRow>(rowType);
        _reader = reader;
        _pool = new DefaultObjectPool<EngineSlot>(new SlotPolicy(mlContext, loaded.Transformer, rowType, _binder), poolSize);
        WarmUp();
    }

    public override Prediction Predict(JsonElement row)
    {
        var slot = _pool.Get();
        try
        {
            _binder.Bind(row, slot.Row, null);
            slot.Engine.Predict(slot.Row, ref slot.Output);
            return _reader.Read(slot.Output);
        }
        finally
        {
            _pool.Return(slot);
        }
    }

    public override void PredictMany(JsonElement rows, Span<Prediction> results)
    {
        var slot = _pool.Get();
        try
        {
            var i = 0;
            foreach (var row in rows.EnumerateArray())
            {
                _binder.Bind(row, slot.Row, i);
                slot.Engine.Predict(slot.Row, ref slot.Output);
                results[i++] = _reader.Read(slot.Output);
            }
        }
        finally
        {
            _pool.Return(slot);
        }
    }

    protected override void ReleaseResources() => (_transformer as IDisposable)?.Dispose();

    /// <summary>Runs one prediction so JIT and lazy initialisation happen before the first request, not during it.</summary>
    private void WarmUp()
    {
        var slot = _pool.Get();
        slot.Engine.Predict(_binder.Empty(), ref slot.Output);
        _pool.Return(slot);
    }

    private sealed class EngineSlot(PredictionEngine<TRow, TOut> engine, TRow row)
    {
        public readonly PredictionEngine<TRow, TOut> Engine = engine;
        public readonly TRow Row = row;
        public TOut Output = new();
    }

    private sealed class SlotPolicy(MLContext mlContext, ITransformer transformer, RowType rowType, RowBinder<TRow> binder) : PooledObjectPolicy<EngineSlot>
    {
        public override EngineSlot Create() => new(
            mlContext.Model.CreatePredictionEngine<TRow, TOut>(transformer, ignoreMissingColumns: false, inputSchemaDefinition: rowType.Schema),
            binder.Empty());

        public override bool Return(EngineSlot obj) => true;
    }
}
