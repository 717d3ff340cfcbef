using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Accounts;

/// <summary>How customers reach the supplier: its contacts (kept by staff) and each customer's account manager.</summary>
public sealed class ContactFunctions(PortalEndpoint endpoint, AccountService accounts)
{
    [ApiSummary("The supplier's contacts and the company's account manager, where it has one")]
    [ApiResponse(200, typeof(ContactInformationView))]
    [Function(nameof(GetContactInformation))]
    public Task<IActionResult> GetContactInformation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "account/contacts")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await accounts.GetContactInformationAsync(caller, ct)));

    [ApiSummary("The supplier's contacts, with their version in ETag for an edit's If-Match")]
    [ApiResponse(200, typeof(SupplierContactsView))]
    [Function(nameof(GetSupplierContacts))]
    public Task<IActionResult> GetSupplierContacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/settings/contacts")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var (view, etag) = await accounts.GetSupplierContactsVersionAsync(ct);
            return etag == "" ? ApiResult.Ok(view) : ApiResult.Ok(view).WithETag(etag);
        });

    [ApiSummary("Set the supplier's contacts customers see on their Account page")]
    [ApiHeader("If-Match", "Replace only this version (a staff edit); 412 when someone saved since. Without it: replace whatever is there")]
    [ApiRequest(typeof(SupplierContactsRequest))]
    [ApiResponse(200, typeof(SupplierContactsView))]
    [Function(nameof(PutSupplierContacts))]
    public Task<IActionResult> PutSupplierContacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/settings/contacts")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ =>
        {
            var condition = req.WriteCondition();
            var (view, etag) = await accounts.UpdateSupplierContactsAsync(await req.ReadJsonAsync<SupplierContactsRequest>(ct), condition, ct);
            return ApiResult.Ok(view).WithETag(etag);
        });
}
