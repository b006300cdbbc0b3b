using System.Linq.Expressions;
using AutoMLPlatform.Scoring.RowTypes;

namespace AutoMLPlatform.Scoring.Binding;

/// <summary>A <see cref="RowTarget"/> over one row object of the run-time type <typeparamref name="TRow"/>.</summary>
internal sealed class TypedRowTarget<TRow> : RowTarget
    where TRow : class, new()
{
    private readonly Setters _setters;

    private TypedRowTarget(InputColumns columns, Setters setters)
        : base(columns) => _setters = setters;

    /// <summary>The row object the engine reads; one per pooled session, reused for every prediction.</summary>
    public TRow Row { get; } = new();

    /// <summary>Compiles the setters once per model version; every target the factory makes shares them.</summary>
    public static Func<TypedRowTarget<TRow>> Factory(RowType rowType, InputColumns columns)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        var setters = new Setters(rowType);
        return () =>
        {
            var target = new TypedRowTarget<TRow>(columns, setters);
            for (var i = 0; i < columns.Count; i++)
            {
                target.SetMissing(i);
            }

            return target;
        };
    }

    public override void SetNumber(int column, float value) => _setters.Numbers[column]!(Row, value);

    public override void SetText(int column, string value) => _setters.Texts[column]!(Row, value);

    public override float GetNumber(int column) => _setters.NumberGetters[column]!(Row);

    public override string GetText(int column) => _setters.TextGetters[column]!(Row);

    private sealed class Setters
    {
        public Setters(RowType rowType)
        {
            var count = rowType.Columns.Count;
            Numbers = new Action<TRow, float>?[count];
            Texts = new Action<TRow, string>?[count];
            NumberGetters = new Func<TRow, float>?[count];
            TextGetters = new Func<TRow, string>?[count];
            for (var i = 0; i < count; i++)
            {
                if (RowTypeFactory.FieldTypeOf(rowType.Columns[i].Type) == typeof(float))
                {
                    Numbers[i] = Compile<float>(rowType.FieldNames[i]);
                    NumberGetters[i] = CompileGetter<float>(rowType.FieldNames[i]);
                }
                else
                {
                    Texts[i] = Compile<string>(rowType.FieldNames[i]);
                    TextGetters[i] = CompileGetter<string>(rowType.FieldNames[i]);
                }
            }
        }

        public Action<TRow, float>?[] Numbers { get; }

        public Action<TRow, string>?[] Texts { get; }

        public Func<TRow, float>?[] NumberGetters { get; }

        public Func<TRow, string>?[] TextGetters { get; }

        private static Func<TRow, T> CompileGetter<T>(string fieldName)
        {
            var row = Expression.Parameter(typeof(TRow), "row");
            return Expression.Lambda<Func<TRow, T>>(Expression.Field(row, fieldName), row).Compile();
        }

        private static Action<TRow, T> Compile<T>(string fieldName)
        {
            var row = Expression.Parameter(typeof(TRow), "row");
            var value = Expression.Parameter(typeof(T), "value");
            return Expression.Lambda<Action<TRow, T>>(Expression.Assign(Expression.Field(row, fieldName), value), row, value).Compile();
        }
    }
}
