namespace AutoMLPlatform.Core.Feedback;

/// <summary>
/// A logged row's inputs as the model saw them, by column: column <c>i</c> holds <c>Texts[i]</c> when that is not
/// null (an empty text is missing), otherwise <c>Numbers[i]</c> (NaN is missing). Keyed-hash columns already hold
/// their hash. <paramref name="Names"/> is shared by every row of one model version, so a block of rows stores the
/// names once.
/// </summary>
/// <param name="Names">The column names, in the model's input order.</param>
/// <param name="Numbers">The numeric values by column (ignored where <paramref name="Texts"/> has a value).</param>
/// <param name="Texts">The text values by column, null for numeric columns.</param>
public sealed record LoggedInputs(IReadOnlyList<string> Names, float[] Numbers, string?[] Texts);
