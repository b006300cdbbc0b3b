using System.Linq.Expressions;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;
using AutoMLPlatform.Scoring.RowTypes;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Scoring.Explaining;

/// <summary>
/// Model-agnostic Shapley values over the user's input columns. A column "absent" from a coalition takes its missing
/// value (NaN / empty text), which the model's own featurizers impute as they would for any request; so the base is
/// the score of the all-missing row. The whole model (featurizers included) scores every coalition row in one batch,
/// so a column that fans out into many featurized slots is one player, and no slot-to-column mapping is needed.
/// </summary>
internal sealed class ShapleyExplainer<TRow> : RowExplainer
    where TRow : class, new()
{
    private readonly MLContext _mlContext;
    private readonly ITransformer _transformer;
    private readonly RowType _rowType;
    private readonly OutputShape _output;
    private readonly Action<TRow, TRow>[] _copies;
    private readonly TRow _reference;

    public ShapleyExplainer(MLContext mlContext, ITransformer transformer, RowType rowType, InputColumns inputs, OutputShape output)
    {
        _mlContext = mlContext;
        _transformer = transformer;
        _rowType = rowType;
        _output = output;
        _copies = rowType.FieldNames.Select(CompileCopy).ToArray();
        _reference = TypedRowTarget<TRow>.Factory(rowType, inputs)().Row;
    }

    public override Explanation Explain(RowTarget row, PredictionValues answer, CancellationToken cancellationToken)
    {
        var x = ((TypedRowTarget<TRow>)row).Row;
        var classIndex = _output.Kind == OutputKind.ClassProbabilities && _output.Classes.Count > 2 ? PredictedClass(answer) : -1;
        var columns = _copies.Length;
        if (columns == 0)
        {
            var only = Evaluate([x], classIndex, cancellationToken)[0];
            return new Explanation(only, only, [], ExplanationMethod.ExactShapley);
        }

        return columns <= ExactMaxColumns ? ExplainExactly(x, columns, classIndex, cancellationToken) : ExplainBySampling(x, columns, classIndex, cancellationToken);
    }

    private Explanation ExplainExactly(TRow x, int columns, int classIndex, CancellationToken cancellationToken)
    {
        var rows = new TRow[1 << columns];
        for (var mask = 0; mask < rows.Length; mask++)
        {
            rows[mask] = Mix(x, column => (mask & (1 << column)) != 0, columns);
        }

        var scores = Evaluate(rows, classIndex, cancellationToken);
        return new Explanation(scores[0], scores[^1], ShapleyValues.Exact(scores, columns), ExplanationMethod.ExactShapley);
    }

    private Explanation ExplainBySampling(TRow x, int columns, int classIndex, CancellationToken cancellationToken)
    {
        // Orders come in antithetic pairs (an order and its reverse), which cancels much of the sampling noise; a fixed
        // seed makes the same row get the same explanation every time.
        var pairs = Math.Max(1, SamplingBudget / (2 * (columns - 1)));
        var random = new Random(0);
        var orders = new int[pairs * 2 * columns];
        for (var pair = 0; pair < pairs; pair++)
        {
            var order = orders.AsSpan(pair * 2 * columns, columns);
            for (var i = 0; i < columns; i++)
            {
                order[i] = i;
            }

            random.Shuffle(order);
            order.CopyTo(orders.AsSpan((pair * 2 * columns) + columns, columns));
            orders.AsSpan((pair * 2 * columns) + columns, columns).Reverse();
        }

        // Row 0 is the reference, row 1 the row itself; then, per order, the rows after adding its first 1..n−1 columns.
        var rows = new List<TRow>(2 + (orders.Length / columns * (columns - 1))) { _reference, x };
        var present = new bool[columns];
        for (var start = 0; start < orders.Length; start += columns)
        {
            Array.Clear(present);
            for (var k = 0; k < columns - 1; k++)
            {
                present[orders[start + k]] = true;
                rows.Add(Mix(x, column => present[column], columns));
            }
        }

        var scores = Evaluate(rows, classIndex, cancellationToken);
        var values = ShapleyValues.Sampled(orders, scores.AsSpan(2), columns, scores[0], scores[1]);
        return new Explanation(scores[0], scores[1], values, ExplanationMethod.SamplingShapley);
    }

    private TRow Mix(TRow x, Func<int, bool> fromRow, int columns)
    {
        var mixed = new TRow();
        for (var column = 0; column < columns; column++)
        {
            _copies[column](fromRow(column) ? x : _reference, mixed);
        }

        return mixed;
    }

    /// <summary>
    /// Scores rows through the whole model in one pass: the raw <c>Score</c> of a binary or regression model, or the
    /// probability of class <paramref name="classIndex"/> of a multiclass one.
    /// </summary>
    private double[] Evaluate(IReadOnlyList<TRow> rows, int classIndex, CancellationToken cancellationToken)
    {
        var scored = _transformer.Transform(_mlContext.Data.LoadFromEnumerable(rows, _rowType.Schema));
        var column = scored.Schema["Score"];
        var scores = new double[rows.Count];
        using var cursor = scored.GetRowCursor([column]);
        var i = 0;
        if (column.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var vector = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref vector);
                scores[i++] = vector.GetItemOrDefault(classIndex);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        else
        {
            var getter = cursor.GetGetter<float>(column);
            var value = 0f;
            while (cursor.MoveNext())
            {
                getter(ref value);
                scores[i++] = value;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return scores;
    }

    private int PredictedClass(PredictionValues answer)
    {
        for (var i = 0; i < _output.Classes.Count; i++)
        {
            if (string.Equals(_output.Classes[i], answer.Label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        // A label the class list lacks cannot happen for our packages; the most probable class is the same decision.
        return answer.Probabilities.AsSpan().IndexOf(answer.Probabilities.Max());
    }

    private static Action<TRow, TRow> CompileCopy(string fieldName)
    {
        var from = Expression.Parameter(typeof(TRow), "from");
        var to = Expression.Parameter(typeof(TRow), "to");
        return Expression.Lambda<Action<TRow, TRow>>(Expression.Assign(Expression.Field(to, fieldName), Expression.Field(from, fieldName)), from, to).Compile();
    }
}
