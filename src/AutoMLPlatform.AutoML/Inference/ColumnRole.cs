namespace AutoMLPlatform.AutoML.Inference;

/// <summary>What the engine does with a column.</summary>
public enum ColumnRole
{
    /// <summary>The column to predict.</summary>
    Label,

    /// <summary>A number: missing values replaced (with an indicator column), used as is.</summary>
    Numeric,

    /// <summary>Few distinct values: one-hot encoded.</summary>
    Categorical,

    /// <summary>Many distinct values: hashed into a fixed number of slots.</summary>
    HashedCategorical,

    /// <summary>Free text: word and character n-grams.</summary>
    Text,

    /// <summary>A date or date-time: split into calendar parts.</summary>
    DateTime,

    /// <summary>The path of an image: read only by image trainers that compete in the search from outside the engine.</summary>
    Image,

    /// <summary>Left out of training; the decision's reason says why.</summary>
    Ignored,
}
