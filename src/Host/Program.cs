using NucleusCloud.Host.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddNucleusCloud();
builder.AddTelemetry();

var app = builder.Build();
app.UseNucleusCloud();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
