using System.Net;
using AutoMLPlatform.Client;
using AutoMLPlatform.Client.Datasets;

namespace AutoMLPlatform.Cli.Datasets;

/// <summary>Finds a dataset by id or by name, as the command line names it.</summary>
internal static class DatasetLookup
{
    /// <summary>The dataset (its newest version); a 404 refusal when the tenant has none by that name or id.</summary>
    public static async Task<Dataset> FindAsync(AutoMLPlatformClient client, string nameOrId, CancellationToken cancellationToken)
    {
        if (DatasetId.TryParse(nameOrId, out var id))
        {
            return await client.Datasets.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return await client.Datasets.FindByNameAsync(nameOrId, cancellationToken).ConfigureAwait(false)
            ?? throw new AutoMLPlatformException(HttpStatusCode.NotFound, null, "Not found.", $"There is no dataset named '{nameOrId}'.", Core.Datasets.DatasetErrorCodes.DatasetNotFound, null, null, null);
    }
}
