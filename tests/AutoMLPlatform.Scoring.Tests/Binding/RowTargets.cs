using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.RowTypes;

namespace AutoMLPlatform.Scoring.Tests.Binding;

/// <summary>Row targets made for a run-time row type, as a pooled session makes them, and the values they hand the engine.</summary>
internal static class RowTargets
{
    public static RowTarget For(IReadOnlyList<ModelInputColumn> columns)
    {
        var rowType = new RowTypeFactory().Create(columns);
        var targetType = typeof(TypedRowTarget<>).MakeGenericType(rowType.ClrType);
        var factory = (Delegate)targetType.GetMethod("Factory")!.Invoke(null, [rowType, new InputColumns(columns)])!;
        return (RowTarget)factory.DynamicInvoke()!;
    }

    /// <summary>Commits the target, as a session does just before it predicts, and reads the row object's fields in column order.</summary>
    public static object[] Committed(RowTarget target)
    {
        target.Commit();
        var row = target.GetType().GetProperty("Row")!.GetValue(target)!;
        return row.GetType().GetFields().Select(f => f.GetValue(row)!).ToArray();
    }
}
