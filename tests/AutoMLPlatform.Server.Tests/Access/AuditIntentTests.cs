using System.Net;
using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Access;

public class AuditIntentTests
{
    [Test]
    public async Task An_audited_action_whose_audit_intent_cannot_be_written_does_not_run()
    {
        using var platform = new PlatformFactory();
        using var factory = platform.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(IAuditLog));
            services.AddSingleton<IAuditLog>(sp => new IntentsRefused((IAuditLog)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        }));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PlatformFactory.AdminKey);
        using var api = new ApiClient(client);

        using var upload = await api.UploadAsync("t.csv", "a,b\n1,x\n2,y\n", "never-stored");
        using var listed = await api.Http.GetAsync("/api/datasets");

        Assert.Multiple(async () =>
        {
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(await listed.Content.ReadAsStringAsync(), Does.Not.Contain("never-stored"), "nothing was stored without its audit entry");
        });
    }

    /// <summary>The real trail, except that writing an intent fails, as it does when the store is away for that write.</summary>
    private sealed class IntentsRefused(IAuditLog inner) : IAuditLog
    {
        public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken) => inner.AppendAsync(record, cancellationToken);

        public Task<AuditIntentId> BeginAsync(AuditRecord intent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The audit store did not answer.");

        public Task<AuditEntry> CompleteAsync(AuditIntentId intent, AuditRecord record, CancellationToken cancellationToken) =>
            inner.CompleteAsync(intent, record, cancellationToken);

        public Task<int> RecoverAsync(DateTimeOffset begunBefore, CancellationToken cancellationToken) => inner.RecoverAsync(begunBefore, cancellationToken);

        public Task<IReadOnlyList<AuditEntry>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken) =>
            inner.ListAsync(tenant, offset, limit, cancellationToken);

        public Task<AuditHead> ReadHeadAsync(CancellationToken cancellationToken) => inner.ReadHeadAsync(cancellationToken);

        public IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);
    }
}
