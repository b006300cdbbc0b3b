namespace AutoMLPlatform.Core.Datasets;

/// <summary>What the values of a column are, as inferred at upload.</summary>
public enum ColumnType
{
    /// <summary>Every present value parses as a number.</summary>
    Numeric,

    /// <summary>Every present value is one of true/false, yes/no, t/f, y/n (any case).</summary>
    Boolean,

    /// <summary>Short strings from a limited set of values.</summary>
    Categorical,

    /// <summary>Free text: long strings, mostly distinct, several words each.</summary>
    Text,

    /// <summary>Every present value parses as an ISO 8601 date or date-time.</summary>
    DateTime,

    /// <summary>The path of an image inside an image dataset.</summary>
    Image,
}
