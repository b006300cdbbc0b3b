using System.Reflection;
using System.Reflection.Emit;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Scoring.RowTypes;

/// <summary>
/// Emits row classes for models' input schemas, once per model version, so any uploaded table can be scored
/// through <c>PredictionEngine&lt;TRow, …&gt;</c> without recompiling. Field names are <c>c0, c1, …</c> (column
/// names need not be identifiers); the <see cref="SchemaDefinition"/> carries the real names. A singleton: the
/// emitted types live as long as the process, in one dynamic module.
/// </summary>
public sealed class RowTypeFactory
{
    private readonly ModuleBuilder _module;
    private readonly Lock _gate = new();
    private int _next;

    public RowTypeFactory()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("AutoMLPlatform.RuntimeRows"), AssemblyBuilderAccess.Run);
        _module = assembly.DefineDynamicModule("AutoMLPlatform.RuntimeRows");
    }

    public RowType Create(IReadOnlyList<ModelInputColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Type type;
        lock (_gate)
        {
            var builder = _module.DefineType($"AutoMLPlatform.RuntimeRows.Row{_next++}",
                TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class | TypeAttributes.AutoLayout | TypeAttributes.BeforeFieldInit);
            builder.DefineDefaultConstructor(MethodAttributes.Public);
            for (var i = 0; i < columns.Count; i++)
            {
                builder.DefineField(FieldName(i), FieldTypeOf(columns[i].Type), FieldAttributes.Public);
            }

            type = builder.CreateType();
        }

        var fieldNames = Enumerable.Range(0, columns.Count).Select(FieldName).ToArray();
        var schema = SchemaDefinition.Create(type, SchemaDefinition.Direction.Read);
        for (var i = 0; i < columns.Count; i++)
        {
            schema[fieldNames[i]].ColumnName = columns[i].Name;
        }

        return new RowType(type, schema, columns, fieldNames);
    }

    /// <summary>Numbers are <c>float</c> (ML.NET's Single, NaN when missing); everything else is text.</summary>
    public static Type FieldTypeOf(ColumnType type) => type == ColumnType.Numeric ? typeof(float) : typeof(string);

    private static string FieldName(int index) => $"c{index}";
}
