namespace AutoMLPlatform.Core.Common;

/// <summary>Codes of the 400s a request body earns when it cannot be read or bound: the JSON and OIP prediction paths, feedback, embeddings and the range queries answer with the same code for the same fault.</summary>
public static class RequestErrorCodes
{
    public const string EmptyBatch = "empty-batch";

    public const string InvalidBody = "invalid-body";

    public const string InvalidJson = "invalid-json";

    public const string InvalidRequest = "invalid-request";

    public const string InvalidRow = "invalid-row";

    public const string InvalidShape = "invalid-shape";

    public const string InvalidRange = "invalid-range";

    public const string TooManyInputs = "too-many-inputs";

    public const string UnknownInput = "unknown-input";

    public const string UnknownOutput = "unknown-output";

    public const string WrongType = "wrong-type";

    public const string MissingColumn = "missing-column";
}
