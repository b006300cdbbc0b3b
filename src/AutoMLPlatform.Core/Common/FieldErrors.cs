namespace AutoMLPlatform.Core.Common;

/// <summary>
/// Gathers a request's field errors so one 400 names every offending field (keyed by field name, as in
/// <see cref="InvalidInputException.Errors"/>) instead of the first one found.
/// </summary>
public static class FieldErrors
{
    /// <summary>Records <paramref name="message"/> under <paramref name="field"/> unless <paramref name="ok"/>.</summary>
    public static void Require(Dictionary<string, string[]> errors, string field, bool ok, string message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!ok)
        {
            errors[field] = [message];
        }
    }

    /// <summary>The value <paramref name="parse"/> returns; when it refuses the input, its message is recorded under <paramref name="field"/> and the default returned.</summary>
    public static T? Check<T>(Dictionary<string, string[]> errors, string field, Func<T> parse)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return parse();
        }
        catch (InvalidInputException ex)
        {
            errors[field] = [ex.Message];
            return default;
        }
    }
}
