using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Integration.Tests.LocalHost;

public sealed record ContractWidget(string Name);

public sealed record ContractGadget(int Size);

/// <summary>
/// Functions that keep or break their declared API contract, hosted by LocalHost next to the Function App's own:
/// the fixture turns the contract check on, so a broken contract answers 500 naming what is wrong.
/// </summary>
public sealed class ContractTestFunctions
{
    [Function(nameof(TestContractKept))]
    [ApiAnonymous]
    [ApiResponse(200, typeof(ContractWidget))]
    public IActionResult TestContractKept([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/contract/kept")] HttpRequest req) =>
        ApiResult.Ok(new ContractWidget("kept"));

    [Function(nameof(TestContractWrongBody))]
    [ApiAnonymous]
    [ApiResponse(200, typeof(ContractWidget))]
    public IActionResult TestContractWrongBody([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/contract/wrong-body")] HttpRequest req) =>
        ApiResult.Ok(new ContractGadget(3));

    [Function(nameof(TestContractUndeclaredStatus))]
    [ApiAnonymous]
    [ApiResponse(200, typeof(ContractWidget))]
    public IActionResult TestContractUndeclaredStatus([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "test/contract/undeclared-status")] HttpRequest req) =>
        ApiResult.NoContent();

    [Function(nameof(TestContractProblem))]
    [ApiAnonymous]
    [ApiResponse(200, typeof(ContractWidget))]
    public IActionResult TestContractProblem([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/contract/problem")] HttpRequest req) =>
        ApiResult.Problem(Problems.NotFound("The widget"), req.Path);

    /// <summary>Not marked [ApiAnonymous], yet it answers without a session.</summary>
    [Function(nameof(TestContractNeedsNoSession))]
    [ApiResponse(200, typeof(ContractWidget))]
    public IActionResult TestContractNeedsNoSession([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/contract/no-session")] HttpRequest req) =>
        ApiResult.Ok(new ContractWidget("open"));
}
