using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Balances;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Balances;

/// <summary>Reports → Customer balance, Customer balance (by orders), Statement of account. Customers see their own counterparty's ledger only.</summary>
public sealed class BalanceFunctions(PortalEndpoint endpoint, BalanceService balances)
{
    [Function(nameof(GetCustomerBalance))]
    [ApiSummary("What is due (overdue and not yet due), the advances, the net position and the last 12 months")]
    [ApiResponse(200, typeof(CustomerBalanceView))]
    public Task<IActionResult> GetCustomerBalance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/customer-balance")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller => ApiResult.Ok(await balances.GetBalanceAsync(caller.Scope(), ct)));

    [Function(nameof(ListOrderBalances))]
    [ApiSummary("Per order: invoiced, paid, still due and paid in advance")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<OrderBalanceView>))]
    public Task<IActionResult> ListOrderBalances(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/customer-balance/orders")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await balances.ListOrdersAsync(caller.Scope(), req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [Function(nameof(GetStatement))]
    [ApiSummary("Statement of account for a period: opening balance, movements with the running balance, closing balance")]
    [ApiQuery("from", typeof(DateOnly), "First day of the period; default the first of this month")]
    [ApiQuery("to", typeof(DateOnly), "Last day of the period; default today")]
    [ApiResponse(200, typeof(StatementView))]
    public Task<IActionResult> GetStatement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/statement")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
            ApiResult.Ok(await balances.GetStatementAsync(caller.Scope(), req.QueryDate("from"), req.QueryDate("to"), ct)));

    [Function(nameof(ExportStatement))]
    [ApiSummary("The statement of account as a CSV file for Excel")]
    [ApiQuery("from", typeof(DateOnly), "First day of the period; default the first of this month")]
    [ApiQuery("to", typeof(DateOnly), "Last day of the period; default today")]
    [ApiResponse(200, typeof(byte[]), ContentType = "text/csv", Description = "UTF-8 CSV with a header row, the opening line, the movements and the closing line")]
    public Task<IActionResult> ExportStatement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/statement/export.csv")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Customer, async caller =>
        {
            var (content, fileName) = await balances.ExportStatementAsync(caller.Scope(), req.QueryDate("from"), req.QueryDate("to"), ct);
            return ApiResult.File(content, "text/csv; charset=utf-8", fileName);
        });
}
