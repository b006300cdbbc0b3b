namespace AutoMLPlatform.Core.Tables;

/// <summary>How a name a client sent matched a table's columns (<see cref="ColumnNameLookup"/>).</summary>
public enum ColumnMatchKind
{
    /// <summary>No column has the name, in any case.</summary>
    None,

    /// <summary>A column has exactly the name.</summary>
    Exact,

    /// <summary>No column has exactly the name, and exactly one has it in another case.</summary>
    IgnoringCase,

    /// <summary>No column has exactly the name, and several have it in other cases: it names none of them.</summary>
    Ambiguous,
}
