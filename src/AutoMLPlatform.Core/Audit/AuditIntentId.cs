namespace AutoMLPlatform.Core.Audit;

/// <summary>Identifies an audited action recorded as begun and not yet as ended (<see cref="IAuditLog.BeginAsync"/>).</summary>
public readonly record struct AuditIntentId(Guid Value)
{
    public static AuditIntentId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}
