namespace AutoMLPlatform.Server.Audit;

/// <summary>Endpoint metadata: calls to this endpoint by an authenticated key are appended to the audit trail as <see cref="Action"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuditedAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}
