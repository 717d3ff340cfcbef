using System.Text.Json.Nodes;
using Portal.Core.Shared.Http;
using Portal.Functions.Shared;

namespace Portal.LocalHost;

/// <summary>The Function App's OpenAPI document, as `dotnet run --project functions/Portal.LocalHost -- --openapi FILE` writes it.</summary>
public static class PortalOpenApi
{
    /// <summary>The document the Function App serves at GET /api/openapi.json.</summary>
    public static JsonObject Build() => OpenApiFunctions.Build();

    /// <summary>Writes the document (the same bytes for the same functions) and returns the number of operations.</summary>
    public static int Write(string path)
    {
        var document = Build();
        File.WriteAllText(path, OpenApiDocument.Serialize(document));
        return document["paths"]!.AsObject().Sum(p => p.Value!.AsObject().Count);
    }
}
