using System.Text.Json.Nodes;
using Portal.Core.Shared.Http;
using Portal.Functions.Features.Operations;

namespace Portal.LocalHost;

/// <summary>The Function App's OpenAPI document, as `dotnet run --project functions/Portal.LocalHost -- --openapi FILE` writes it.</summary>
public static class PortalOpenApi
{
    public const string Title = "Customer Portal API";

    /// <summary>The Function App's assembly version (major.minor.patch): stable between builds, unlike the informational version.</summary>
    public static string Version { get; } = typeof(HealthFunctions).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public static JsonObject Build() => OpenApiDocument.Build([typeof(HealthFunctions).Assembly], Title, Version);

    /// <summary>Writes the document (the same bytes for the same functions) and returns the number of operations.</summary>
    public static int Write(string path)
    {
        var document = Build();
        File.WriteAllText(path, OpenApiDocument.Serialize(document));
        return document["paths"]!.AsObject().Sum(p => p.Value!.AsObject().Count);
    }
}
