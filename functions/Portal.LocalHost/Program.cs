using Portal.LocalHost;

// `-- --openapi FILE` writes the OpenAPI document of the Function App's HTTP functions and exits.
if (args is ["--openapi", var openApiFile])
{
    var operations = PortalOpenApi.Write(openApiFile);
    Console.WriteLine($"Wrote the OpenAPI {Portal.Core.Shared.Http.OpenApiDocument.OpenApiVersion} document ({operations} operations) to {openApiFile}");
    return;
}

// Runs the portal locally: the Function App's functions under /api, its queue triggers, the front end and
// demo data, on Azurite (started here when needed). Ctrl+C stops everything, Azurite included.
await using var portal = await LocalPortal.CreateAsync(args, new LocalPortalOptions());
await portal.StartAsync();

Console.WriteLine();
Console.WriteLine($"Customer Portal is running at {portal.BaseAddress}  (settings: {Path.GetFileName(portal.SettingsFile) ?? "environment only"})");
Console.WriteLine($"  {portal.Functions.OfType<HttpFunction>().Count()} HTTP functions under /api, {portal.Functions.OfType<QueueFunction>().Count()} queue functions");
Console.WriteLine("Demo sign-ins (username / password):");
foreach (var signIn in DemoData.SignIns)
{
    Console.WriteLine($"  {signIn.Username,-26} {signIn.Password,-18} {signIn.Who}");
}
Console.WriteLine("Press Ctrl+C to stop.");
await portal.App.WaitForShutdownAsync();
