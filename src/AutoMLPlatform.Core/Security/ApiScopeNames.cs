using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Security;

/// <summary>Scope names on the wire (<c>admin</c>, <c>train</c>, <c>predict</c>, <c>read</c>, <c>feedback</c>) and what each grants.</summary>
public static class ApiScopeNames
{
    public const string Admin = "admin";
    public const string Train = "train";
    public const string Predict = "predict";
    public const string Read = "read";
    public const string Feedback = "feedback";

    /// <summary>The scopes a key holding <paramref name="granted"/> effectively has, the implied ones included.</summary>
    public static ApiScopes Effective(ApiScopes granted)
    {
        var effective = granted;
        if (granted.HasFlag(ApiScopes.Admin))
        {
            effective |= ApiScopes.Train | ApiScopes.Predict | ApiScopes.Read | ApiScopes.Feedback;
        }

        if (granted.HasFlag(ApiScopes.Train))
        {
            effective |= ApiScopes.Read | ApiScopes.Feedback;
        }

        return effective;
    }

    public static ApiScopes Parse(IEnumerable<string> names, string field = "scopes")
    {
        ArgumentNullException.ThrowIfNull(names);
        var scopes = ApiScopes.None;
        foreach (var name in names)
        {
            scopes |= name.ToLowerInvariant() switch
            {
                Admin => ApiScopes.Admin,
                Train => ApiScopes.Train,
                Predict => ApiScopes.Predict,
                Read => ApiScopes.Read,
                Feedback => ApiScopes.Feedback,
                _ => throw new InvalidInputException("unknown-scope", $"Unknown scope '{name}'. Scopes are admin, train, predict, read and feedback.", field),
            };
        }

        return scopes == ApiScopes.None
            ? throw new InvalidInputException("no-scope", "Give the key at least one scope: admin, train, predict, read or feedback.", field)
            : scopes;
    }

    public static IReadOnlyList<string> Names(ApiScopes scopes) =>
        new[] { (ApiScopes.Admin, Admin), (ApiScopes.Train, Train), (ApiScopes.Predict, Predict), (ApiScopes.Read, Read), (ApiScopes.Feedback, Feedback) }
            .Where(s => scopes.HasFlag(s.Item1)).Select(s => s.Item2).ToArray();
}
