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
        group.MapPut("/{name}/aliases/{alias}", SetAliasAsync)
            .WithSummary("Points an alias (e.g. production) at a version: promotion is this one call.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("model.promote"))
            .ProducesValidationProblem()
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

    internal static async Task<Ok<AliasChangeResponse>> SetAliasAsync(string name, string alias, SetAliasRequest request, IModelRegistry registry,
        ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        ModelAliases.ValidateAlias(alias);
        if (request.Version is not { } version || version < 1)
        {
            throw new InvalidInputException("invalid-version", "Give the version the alias should point at, a positive number.", "version");
        }

        await FindModelAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        var change = await registry.SetAliasAsync(tenant.Id, name, alias, version, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AliasChangeResponse.From(change));
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
