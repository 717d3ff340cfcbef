using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Features.Balances;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Features.Balances;

/// <summary>
/// The company side of balances: every counterparty's balance, overdue first; one counterparty's balance and statement;
/// payments and refunds posted by the ERP or recorded by a clerk. Staff only.
/// </summary>
public sealed class ManageBalancesFunctions(PortalEndpoint endpoint, BalanceService balances, LedgerService ledger)
{
    [Function(nameof(ListBalances))]
    [ApiSummary("Every counterparty's balance, those with the oldest open amounts (overdue) first")]
    [ApiQuery("continuation", typeof(string), "The token from the previous page")]
    [ApiQuery("pageSize", typeof(int), "1 to 100, default 25")]
    [ApiResponse(200, typeof(ListPage<CounterpartyBalanceView>))]
    public Task<IActionResult> ListBalances(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/balances")] HttpRequest req, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async _ => ApiResult.Ok(await balances.ListAllAsync(req.QueryValue("continuation"), req.QueryInt("pageSize"), ct)));

    [Function(nameof(GetCounterpartyBalance))]
    [ApiSummary("One counterparty's balance, as the customer sees it")]
    [ApiResponse(200, typeof(CustomerBalanceView))]
    public Task<IActionResult> GetCounterpartyBalance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/balances/{counterpartyId}")] HttpRequest req, string counterpartyId, CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller => ApiResult.Ok(await balances.GetBalanceAsync(await balances.RequireCounterpartyAsync(caller, counterpartyId, ct), ct)));

    [Function(nameof(GetCounterpartyStatement))]
    [ApiSummary("One counterparty's statement of account for a period")]
    [ApiQuery("from", typeof(DateOnly), "First day of the period; default the first of this month")]
    [ApiQuery("to", typeof(DateOnly), "Last day of the period; default today")]
    [ApiResponse(200, typeof(StatementView))]
    public Task<IActionResult> GetCounterpartyStatement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/balances/{counterpartyId}/statement")] HttpRequest req, string counterpartyId,
        CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await balances.GetStatementAsync(await balances.RequireCounterpartyAsync(caller, counterpartyId, ct), req.QueryDate("from"), req.QueryDate("to"), ct)));

    [Function(nameof(PutPayment))]
    [ApiSummary("Record a payment received (or a refund) under the company's number; the same body again counts once. The balance follows within seconds")]
    [ApiRequest(typeof(PaymentRequest))]
    [ApiResponse(200, typeof(PaymentView))]
    public Task<IActionResult> PutPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/payments/{counterpartyId}/{number}")] HttpRequest req, string counterpartyId, string number,
        CancellationToken ct) =>
        endpoint.RunAsync(req, Access.Staff, async caller =>
            ApiResult.Ok(await ledger.PostPaymentAsync(caller.ScopeFor(counterpartyId), number, await req.ReadJsonAsync<PaymentRequest>(ct), caller.Username, ct)));

    /// <summary>Applies one posted ledger entry to the counterparty's balance; a redelivery finds nothing to apply.</summary>
    [Function(nameof(ApplyLedgerEntry))]
    public async Task ApplyLedgerEntry([QueueTrigger(BalancesTables.LedgerQueue)] string message, CancellationToken ct)
    {
        var work = JsonSerializer.Deserialize<LedgerWork>(message, PortalJson.Options) ?? throw new InvalidOperationException("An empty ledger message.");
        await ledger.ApplyAsync(work, ct);
    }
}
