using System.Linq.Expressions;
using AutoMLPlatform.Scoring.RowTypes;

namespace AutoMLPlatform.Scoring.Binding;

/// <summary>A <see cref="RowTarget"/> over one row object of the run-time type <typeparamref name="TRow"/>.</summary>
internal sealed class TypedRowTarget<TRow> : RowTarget
    where TRow : class, new()
{
    private readonly Action<TRow, float[], string[]> _copy;

    private TypedRowTarget(InputColumns columns, Action<TRow, float[], string[]> copy)
        : base(columns)
    {
        _copy = copy;
        Commit();
    }

    /// <summary>The row object the engine reads; one per pooled session, reused for every prediction.</summary>
    public TRow Row { get; } = new();

    /// <summary>Compiles the copy into the row once per model version; every target the factory makes shares it.</summary>
    public static Func<TypedRowTarget<TRow>> Factory(RowType rowType, InputColumns columns)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        var copy = CompileCopy(rowType);
        return () => new TypedRowTarget<TRow>(columns, copy);
    }

    public override void Commit() => _copy(Row, Numbers, Texts);

    /// <summary><c>(row, numbers, texts) => { row.c0 = numbers[0]; row.c1 = texts[1]; … }</c>: one call, no per-column dispatch.</summary>
    private static Action<TRow, float[], string[]> CompileCopy(RowType rowType)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        var numbers = Expression.Parameter(typeof(float[]), "numbers");
        var texts = Expression.Parameter(typeof(string[]), "texts");
        var assignments = new List<Expression>(rowType.Columns.Count + 1);
        for (var i = 0; i < rowType.Columns.Count; i++)
        {
            var source = RowTypeFactory.FieldTypeOf(rowType.Columns[i].Type) == typeof(float) ? numbers : texts;
            assignments.Add(Expression.Assign(Expression.Field(row, rowType.FieldNames[i]), Expression.ArrayIndex(source, Expression.Constant(i))));
        }

        assignments.Add(Expression.Empty());
        return Expression.Lambda<Action<TRow, float[], string[]>>(Expression.Block(assignments), row, numbers, texts).Compile();
    }
}
