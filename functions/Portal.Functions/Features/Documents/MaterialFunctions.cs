using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Documents;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Documents;

/// <summary>Account → Materials: advertising and other files the supplier publishes, filtered to the customer's access group.</summary>
public sealed class MaterialFunctions(PortalEndpoint endpoint, MaterialService materials)
{
    [Function(nameof(ListMaterials))]
    [ApiResponse(200, typeof(ItemList<MaterialView>))]
    public Task<IActionResult> ListMaterials(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "materials")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await materials.ListAsync(caller, ct)));

    [Function(nameof(DownloadMaterial))]
    [ApiSummary("Download a material: a redirect to a read-only link valid for five minutes")]
    [ApiResponse(302, Description = "Location is the file's download link")]
    public Task<IActionResult> DownloadMaterial(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "materials/{id}/file")] HttpRequest req, string id, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Redirect((await materials.FileLinkAsync(caller, id, ct)).ToString()));
}
