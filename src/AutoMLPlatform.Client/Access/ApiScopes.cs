namespace AutoMLPlatform.Client.Access;

/// <summary>The scopes a key may have: <c>admin</c> ⊇ <c>train</c> ⊇ <c>read</c>, <c>predict</c> (scoring only), and <c>feedback</c> (sending outcomes only; <c>train</c> includes it).</summary>
public static class ApiScopes
{
    public const string Admin = "admin";
    public const string Train = "train";
    public const string Read = "read";
    public const string Predict = "predict";
    public const string Feedback = "feedback";
}
