using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Server.Api;
using AutoMLPlatform.Server.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMLPlatform.Server.Models;

/// <summary>The model registry: <c>/api/models</c>, versions, and aliases with promotion and rollback.</summary>
public static class ModelEndpoints
{
    /// <summary>The header that carries the number of versions when the list is paged.</summary>
    public const string TotalCountHeader = "X-Total-Count";

    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/models").WithTags("Models").RequireScope(ApiScopeNames.Read);
        group.MapGet("/", ListAsync).WithSummary("Lists registered models with their aliases.");
        group.MapGet("/{name}", GetAsync).WithSummary("One registered model.");
        group.MapGet("/{name}/versions", ListVersionsAsync).WithSummary("A model's versions, newest first: metrics, schema, lineage, artifact hash. ?offset=&limit= page them; X-Total-Count counts them all.");
        group.MapGet("/{name}/versions/{version:int}", GetVersionAsync).WithSummary("One model version.");
        group.MapDelete("/{name}/versions/{version:int}", DeleteVersionAsync)
            .WithSummary("Deletes a version's artifact; a tombstone stays for lineage. Refused (409) while an alias points at it.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("model.delete"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{name}/aliases/{alias}", GetAliasAsync)
            .WithSummary("One alias: its version and traffic split (canary, shadow).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{name}/aliases/{alias}", SetAliasAsync)
            .WithSummary("Points an alias (e.g. production) at a version: promotion is this one call. With canary {version, percent} a share of its requests (by X-Routing-Key) goes to another version; with shadow {version} another version scores every row off the request path. A body without them clears the split.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("model.promote"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{name}/aliases/{alias}/promote-canary", PromoteCanaryAsync)
            .WithSummary("Makes the alias's canary its version and clears the split; rollback returns to the version before.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("model.canary-promote"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{name}/aliases/{alias}/split", ClearSplitAsync)
            .WithSummary("Clears the alias's traffic split (canary and shadow): every request is answered by its version again.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("model.split-clear"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{name}/aliases/{alias}/rollback", RollbackAsync)
            .WithSummary("Points an alias back at the version it pointed at before its last move.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("model.rollback"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    internal static async Task<Ok<Page<ModelResponse>>> ListAsync(int? offset, int? limit, IModelRegistry registry, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var (o, l) = Paging.Validate(offset, limit);
        var models = await registry.ListModelsAsync(tenant.Id, o, l, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new Page<ModelResponse>(models.Select(ModelResponse.From).ToArray(), o, l));
    }

    internal static async Task<Ok<ModelResponse>> GetAsync(string name, IModelRegistry registry, ICurrentTenant tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(ModelResponse.From(await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false)));

    /// <summary>
    /// Every version when neither <c>offset</c> nor <c>limit</c> is given (the original contract); otherwise one page of
    /// them. The answer stays an array either way, and <c>X-Total-Count</c> says how many versions there are.
    /// </summary>
    internal static async Task<Ok<ModelVersionResponse[]>> ListVersionsAsync(string name, int? offset, int? limit, IModelRegistry registry,
        ICurrentTenant tenant, HttpResponse response, CancellationToken cancellationToken)
    {
        var model = await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        var versions = await registry.ListVersionsAsync(tenant.Id, name, cancellationToken).ConfigureAwait(false);
        IEnumerable<ModelVersion> page = versions;
        if (offset is not null || limit is not null)
        {
            var (o, l) = Paging.Validate(offset, limit);
            page = versions.Skip(o).Take(l);
        }

        response.Headers[TotalCountHeader] = versions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page.Select(v => ModelVersionResponse.From(v, model.Aliases)).ToArray());
    }

    internal static async Task<Ok<ModelVersionResponse>> GetVersionAsync(string name, int version, IModelRegistry registry, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var model = await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        var found = await registry.FindVersionAsync(tenant.Id, name, version, cancellationToken).ConfigureAwait(false)
            ?? throw ModelNotFoundException.Version(name, version);
        return TypedResults.Ok(ModelVersionResponse.From(found, model.Aliases));
    }

    internal static async Task<NoContent> DeleteVersionAsync(string name, int version, IModelRegistry registry, IBlobStore blobs, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        if (await registry.DeleteVersionAsync(tenant.Id, name, version, cancellationToken).ConfigureAwait(false) is { } orphan)
        {
            await blobs.DeleteAsync(tenant.Id, BlobKind.Model, orphan, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.NoContent();
    }

    internal static async Task<Ok<AliasResponse>> GetAliasAsync(string name, string alias, IModelRegistry registry, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        ModelAliases.ValidateAlias(alias);
        await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        var target = await registry.FindAliasAsync(tenant.Id, name, alias, cancellationToken).ConfigureAwait(false)
            ?? throw ModelNotFoundException.Alias(name, alias);
        return TypedResults.Ok(AliasResponse.From(target));
    }

    internal static async Task<Ok<AliasChangeResponse>> SetAliasAsync(string name, string alias, SetAliasRequest request, IModelRegistry registry,
        ICurrentTenant tenant, HttpContext http, CancellationToken cancellationToken)
    {
        ModelAliases.ValidateAlias(alias);
        if (request.Version is not { } version || version < 1)
        {
            throw new InvalidInputException(RegistryErrorCodes.InvalidVersion, "Give the version the alias should point at, a positive number.", "version");
        }

        var split = SplitOf(request);
        split.Check(version);
        http.Items[AuditMiddleware.TargetItem] = AuditTarget(name, alias, version, split);
        await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        var change = split.IsNone
            ? await registry.SetAliasAsync(tenant.Id, name, alias, version, cancellationToken).ConfigureAwait(false)
            : await registry.SetAliasSplitAsync(tenant.Id, name, alias, version, split, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AliasChangeResponse.From(change));
    }

    internal static async Task<Ok<AliasChangeResponse>> PromoteCanaryAsync(string name, string alias, IModelRegistry registry, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        ModelAliases.ValidateAlias(alias);
        await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AliasChangeResponse.From(await registry.PromoteCanaryAsync(tenant.Id, name, alias, cancellationToken).ConfigureAwait(false)));
    }

    internal static async Task<Ok<AliasChangeResponse>> ClearSplitAsync(string name, string alias, IModelRegistry registry, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        ModelAliases.ValidateAlias(alias);
        await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AliasChangeResponse.From(await registry.ClearSplitAsync(tenant.Id, name, alias, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>The split a PUT asks for; a canary or shadow without its version (or a canary without its percent) is refused.</summary>
    private static AliasSplit SplitOf(SetAliasRequest request)
    {
        int? canary = null;
        double percent = 0;
        if (request.Canary is { } c)
        {
            canary = c.Version ?? throw new InvalidInputException(RegistryErrorCodes.InvalidCanaryVersion, "Give the canary's version, a positive number.", "canary.version");
            percent = c.Percent ?? throw new InvalidInputException("missing-canary-percent", "Give the canary's share of requests, a percent from 0 to 100.", "canary.percent");
        }

        int? shadow = request.Shadow is { } s
            ? s.Version ?? throw new InvalidInputException(RegistryErrorCodes.InvalidShadowVersion, "Give the shadow's version, a positive number.", "shadow.version")
            : null;
        return canary is null && shadow is null ? AliasSplit.None : new AliasSplit(canary, percent, shadow);
    }

    /// <summary>The audit entry's target: the route's names plus what the alias is set to, split included.</summary>
    private static string AuditTarget(string name, string alias, int version, AliasSplit split)
    {
        var target = FormattableString.Invariant($"name={name} alias={alias} version={version}");
        target += split.CanaryVersion is { } canary ? FormattableString.Invariant($" canary={canary}@{split.CanaryPercent}%") : "";
        target += split.ShadowVersion is { } shadow ? FormattableString.Invariant($" shadow={shadow}") : "";
        return target;
    }

    internal static async Task<Ok<AliasChangeResponse>> RollbackAsync(string name, string alias, IModelRegistry registry, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        ModelAliases.ValidateAlias(alias);
        await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        var change = await registry.RollbackAliasAsync(tenant.Id, name, alias, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AliasChangeResponse.From(change));
    }

    private static async Task<RegisteredModel> FindModelAsync(IModelRegistry registry, TenantId tenant, string name, CancellationToken cancellationToken) =>
        await registry.FindModelAsync(tenant, name, cancellationToken).ConfigureAwait(false) ?? throw ModelNotFoundException.Model(name);
}
