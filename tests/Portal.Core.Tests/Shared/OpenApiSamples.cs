using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Shared.Http;

// Sample functions and types for the OpenAPI document tests: shaped like the Function App's (one feature folder per
// class, records for views, classes with [JsonRequired] for requests), small enough to assert on whole.
// They are never run; the document is built from their metadata only.

namespace Portal.Core.Tests.Shared.OpenApiSamples.Features.Ordering
{
    public enum SampleStatus
    {
        Sent,
        InProgress,
        Completed,
    }

    public sealed record SampleMoney(decimal Amount, string Currency);

    public sealed record SampleLine(string Sku, decimal Quantity, SampleMoney? UnitPrice, string? Note);

    [Description("One order with its lines.")]
    public sealed record SampleOrderView(
        string Id,
        SampleStatus Status,
        DateOnly Date,
        DateTimeOffset CreatedAt,
        SampleMoney Total,
        SampleMoney? Discount,
        IReadOnlyList<SampleLine> Lines,
        IReadOnlyList<string?> Tags,
        string? CustomerReference,
        SampleStatus? PreviousStatus,
        int LineCount);

    public sealed record SampleSummary(string Id, SampleStatus Status, SampleMoney Total);

    public sealed class SampleCheckoutRequest
    {
        [JsonRequired] public string Reference { get; set; } = "";
        [Description("Shown to the warehouse.")] public string? Comment { get; set; }
        public int Priority { get; set; } = 1;
        public List<SampleLine>? Lines { get; set; }
    }

    public sealed class SampleImport
    {
        [JsonRequired] public string Sku { get; set; } = "";
        public decimal? Price { get; set; }
        public Dictionary<string, decimal>? Stock { get; set; }
    }

    /// <summary>A type that contains itself, as a category tree would.</summary>
    public sealed record SampleNode(string Name, IReadOnlyList<SampleNode> Children, SampleNode? Parent);

    public sealed class SampleOrderFunctions
    {
        [Function("ListSampleOrders")]
        [ApiSummary("The orders, newest first")]
        [ApiQuery("status", typeof(SampleStatus), "Only orders in this status")]
        [ApiQuery("from", typeof(DateOnly), "Orders from this day")]
        [ApiQuery("pageSize", typeof(int?), "1–100, default 25")]
        [ApiQuery("continuation", typeof(string), "From the previous page")]
        [ApiResponse(200, typeof(ListPage<SampleSummary>))]
        public IActionResult List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sample/orders")] HttpRequest req) =>
            throw new NotSupportedException();

        [Function("GetSampleOrder")]
        [ApiResponse(200, typeof(SampleOrderView))]
        public IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sample/orders/{id:guid}")] HttpRequest req, string id) =>
            throw new NotSupportedException();

        [Function("StartSampleCheckout")]
        [ApiSummary("Order what is in the cart")]
        [ApiRequest(typeof(SampleCheckoutRequest))]
        [ApiHeader("If-Match", "The cart version you reviewed", Required = true)]
        [ApiHeader("Idempotency-Key", "Chosen per click; a retry with the same key returns the first checkout")]
        [ApiResponse(202, typeof(SampleOrderView))]
        [ApiResponse(409, Description = "The cart is empty")]
        public Task<IActionResult> Checkout([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sample/checkouts")] HttpRequest req) =>
            throw new NotSupportedException();

        [Function("ChangeSampleLine")]
        [ApiResponse(204)]
        public IActionResult ChangeLine(
            [HttpTrigger(AuthorizationLevel.Anonymous, "patch", "delete", Route = "sample/cart/lines/{lineNumber:int}/{slug:alpha?}")] HttpRequest req,
            int lineNumber, string? slug) =>
            throw new NotSupportedException();

        [Function("ImportSampleProducts")]
        [ApiRequest(typeof(SampleImport), ContentTypes = ["text/csv", "application/x-ndjson"], Description = "Checked whole first.")]
        [ApiResponse(200, typeof(IReadOnlyList<SampleLine>))]
        public IActionResult Import([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sample/products/import")] HttpRequest req) =>
            throw new NotSupportedException();

        [Function("GetSampleTree")]
        [ApiResponse(200, typeof(SampleNode))]
        public IActionResult Tree([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sample/tree")] HttpRequest req) =>
            throw new NotSupportedException();

        [Function("DownloadSampleInvoice")]
        [ApiResponse(302, Description = "Redirect to a short-lived download URL")]
        public IActionResult Download([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sample/invoices/{number}/file")] HttpRequest req, string number) =>
            throw new NotSupportedException();

        [Function("ProcessSampleMessage")]
        public void NotHttp(string message)
        {
        }
    }
}

namespace Portal.Core.Tests.Shared.OpenApiSamples.Features.Operations
{
    public sealed record SampleHealthView(string Status, string Version);

    public sealed class SampleHealthFunctions
    {
        [Function("GetSampleHealth")]
        [ApiAnonymous]
        [ApiResponse(200, typeof(SampleHealthView))]
        public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sample/health")] HttpRequest req) =>
            throw new NotSupportedException();

        [Function("GetUndeclaredSample")]
        public IActionResult Undeclared([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sample/undeclared")] HttpRequest req) =>
            throw new NotSupportedException();
    }
}

namespace Portal.Core.Tests.Shared.OpenApiSamples.Features.Billing
{
    /// <summary>Same name as the Ordering sample's money, another type: the document must refuse to merge them.</summary>
    public sealed record SampleMoney(long Cents);

    public sealed class CollidingFunctions
    {
        [Function("GetSampleBalance")]
        [ApiResponse(200, typeof(SampleMoney))]
        public IActionResult Balance([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sample/balance")] HttpRequest req) =>
            throw new NotSupportedException();
    }

    public sealed class TwiceDeclaredFunctions
    {
        [Function("TwiceDeclared")]
        [ApiResponse(200, typeof(SampleMoney))]
        [ApiResponse(200)]
        public IActionResult Twice([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sample/twice")] HttpRequest req) =>
            throw new NotSupportedException();
    }
}
