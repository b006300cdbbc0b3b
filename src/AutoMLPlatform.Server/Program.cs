using AutoMLPlatform.Hosting;
using AutoMLPlatform.Jobs;
using AutoMLPlatform.Scoring;
using AutoMLPlatform.Security;
using AutoMLPlatform.Server;
using AutoMLPlatform.Server.Audit;
using AutoMLPlatform.Server.Hangfire;
using AutoMLPlatform.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.ApplyPlatformDefaults();
builder.Services.AddPlatformHostDefaults();
builder.Services.AddPlatformStorage();
builder.Services.AddPlatformSecurity(StorageServiceCollectionExtensions.GetDataDirectory);
builder.Services.AddPlatformJobs();
builder.Services.AddPlatformHangfire();
builder.Services.AddScoring();
builder.Services.AddServerApi();

var app = builder.Build();
app.UsePlatformPipeline(audit: builder => builder.UseMiddleware<AuditMiddleware>());
app.MapPlatformHealth();
app.MapOpenApi().AllowAnonymous();
app.UsePlatformHangfireDashboard();
app.MapServerApi();
app.MapScoringEndpoints();
app.Run();

/// <summary>The server's entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
