namespace AutoMLPlatform.Core.Common;

/// <summary>The families of errors the platform reports; each maps to one HTTP status at the edge.</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or violates a rule (400).</summary>
    InvalidInput,

    /// <summary>The thing asked for does not exist, or belongs to someone else (404).</summary>
    NotFound,

    /// <summary>The request clashes with the current state (409).</summary>
    Conflict,

    /// <summary>The input is well-formed but cannot be processed as asked (422).</summary>
    Unprocessable,

    /// <summary>The input is larger than a configured limit (413).</summary>
    TooLarge,

    /// <summary>A quota or rate limit is exhausted for now (429, with Retry-After).</summary>
    LimitExceeded,
}
