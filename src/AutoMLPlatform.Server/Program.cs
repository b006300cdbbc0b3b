using AutoMLPlatform.Server;
using AutoMLPlatform.Server.Roles;

var builder = WebApplication.CreateBuilder(args);
builder.ApplyPlatformDefaults(args);
var role = RoleSetup.RoleOf(builder.Configuration);
builder.AddRoleServices(role);

var app = builder.Build();
app.MapRoleEndpoints(role);
app.Run();

/// <summary>The server's entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
