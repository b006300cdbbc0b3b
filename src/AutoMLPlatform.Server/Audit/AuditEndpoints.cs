using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Server.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMLPlatform.Server.Audit;

/// <summary><c>/api/audit</c>: a tenant's audit entries (admin), and verification of the whole chain (system admin).</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/audit").WithTags("Audit");
        group.MapGet("/", ListAsync).RequireScope(ApiScopeNames.Admin).WithSummary("The caller's tenant's audit entries, newest first.");
        group.MapGet("/verify", VerifyAsync).RequireAuthorization(ApiKeyDefaults.SystemAdminPolicy)
            .WithSummary("Checks the whole hash chain against its stored head; names the first entry that was edited, removed or reordered, or where the removed newest entries began.");
        return endpoints;
    }

    internal static async Task<Ok<Page<AuditEntryResponse>>> ListAsync(int? offset, int? limit, IAuditLog audit, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var (o, l) = Paging.Validate(offset, limit);
        var entries = await audit.ListAsync(tenant.Id, o, l, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new Page<AuditEntryResponse>(entries.Select(AuditEntryResponse.From).ToArray(), o, l));
    }

    internal static async Task<Ok<AuditVerification>> VerifyAsync(IAuditLog audit, CancellationToken cancellationToken)
    {
        // The head first: entries appended while the chain is read lie past it and are not mistaken for a break.
        var head = await audit.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        await foreach (var entry in audit.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        var broken = AuditHash.FindBreak(entries, head);
        return TypedResults.Ok(new AuditVerification(broken is null, entries.Count, broken?.Sequence, broken?.Reason));
    }
}

/// <summary>An audit entry as the API shows it.</summary>
public sealed record AuditEntryResponse(long Sequence, DateTimeOffset At, ApiKeyId? KeyId, string Action, string Target, string Outcome, string Hash)
{
    public static AuditEntryResponse From(AuditEntry entry) =>
        new(entry.Sequence, entry.Record.At, entry.Record.KeyId, entry.Record.Action, entry.Record.Target, entry.Record.Outcome, entry.Hash);
}

/// <summary>The result of checking the chain: intact, or where it breaks and why.</summary>
public sealed record AuditVerification(bool Intact, int Entries, long? BrokenAt, string? Reason);
