using Portal.Core.Shared.Http;
using Portal.Core.Tests.Shared.OpenApiSamples.Features.Operations;
using Portal.Core.Tests.Shared.OpenApiSamples.Features.Ordering;

namespace Portal.Core.Tests.Shared;

public sealed class ApiContractTests
{
    private static ApiContract Contract<T>(string method) => ApiContract.For("Sample", typeof(T).GetMethod(method)!);

    private static readonly SampleMoney Money = new(1m, "EUR");

    private static SampleOrderView Order() =>
        new("o-1", SampleStatus.Sent, new DateOnly(2026, 1, 2), DateTimeOffset.UnixEpoch, Money, null, [], [], null, null, 0);

    [Fact]
    public void A_declared_status_with_a_body_of_the_declared_type_keeps_the_contract()
    {
        Assert.Null(Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.Get)).Check(200, Order()));
        Assert.Null(Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.ChangeLine)).Check(204, null));
    }

    [Fact]
    public void A_body_assignable_to_the_declared_type_keeps_it()
    {
        // Declared IReadOnlyList<SampleLine>; a List<SampleLine> is one.
        Assert.Null(Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.Import)).Check(200, new List<SampleLine>()));
    }

    [Fact]
    public void Problems_always_keep_it()
    {
        Assert.Null(Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.Get)).Check(404, new Dictionary<string, object?>()));
        Assert.Null(Contract<SampleHealthFunctions>(nameof(SampleHealthFunctions.Undeclared)).Check(500, null));
    }

    [Fact]
    public void An_undeclared_status_breaks_it_naming_function_status_and_types()
    {
        var error = Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.Get)).Check(201, Order());

        Assert.NotNull(error);
        Assert.Contains("'Sample'", error);
        Assert.Contains("SampleOrderFunctions.Get", error);
        Assert.Contains("answered 201 with a SampleOrderView body", error);
        Assert.Contains("declares 200 SampleOrderView", error);
    }

    [Fact]
    public void A_body_of_another_type_breaks_it()
    {
        var error = Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.Get)).Check(200, Money);

        Assert.Contains("declares a SampleOrderView body, which SampleMoney is not", error);
    }

    [Fact]
    public void A_body_where_none_is_declared_and_none_where_one_is_break_it()
    {
        Assert.Contains("declares no body", Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.ChangeLine)).Check(204, Money));
        Assert.Contains("declares a SampleOrderView body", Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.Get)).Check(200, null));
        Assert.Contains("anonymous type", Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.Get)).Check(200, new { status = "x" }));
    }

    [Fact]
    public void A_success_without_any_cookie_must_come_from_a_function_marked_anonymous()
    {
        Assert.Contains("[ApiAnonymous]", Contract<SampleOrderFunctions>(nameof(SampleOrderFunctions.Get)).Check(200, Order(), requestHadCookies: false));
        Assert.Null(Contract<SampleHealthFunctions>(nameof(SampleHealthFunctions.Health)).Check(200, new SampleHealthView("healthy", "1"), requestHadCookies: false));
    }

    [Fact]
    public void A_function_without_ApiResponse_is_undeclared_and_any_success_breaks_a_strict_check()
    {
        var contract = Contract<SampleHealthFunctions>(nameof(SampleHealthFunctions.Undeclared));

        Assert.False(contract.IsDeclared);
        Assert.Contains("no [ApiResponse] at all", contract.Check(200, Money));
    }
}
