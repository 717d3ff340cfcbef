using System.Text.Json;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Ordering;
using Portal.Core.Shared;

namespace Portal.Core.Tests.Shared;

public sealed class WirePolicyTests
{
    [Theory]
    [InlineData("sent", OrderStatus.Sent)]
    [InlineData("inProgress", OrderStatus.InProgress)]
    [InlineData("completed", OrderStatus.Completed)]
    [InlineData("canceled", OrderStatus.Canceled)]
    public void Enum_names_on_the_wire_are_camel_case_and_round_trip(string name, OrderStatus status)
    {
        Assert.Equal(name, PortalJson.WireName(status));
        Assert.True(PortalJson.TryParseEnum<OrderStatus>(name, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData("InProgress")]
    [InlineData("1")]
    [InlineData("lost")]
    public void Only_the_exact_wire_name_is_accepted(string text) => Assert.False(PortalJson.TryParseEnum<OrderStatus>(text, out _));

    [Fact]
    public void Bodies_use_the_same_names_as_query_values()
    {
        var view = new StatusChangeView(OrderStatus.InProgress, DateTimeOffset.UnixEpoch);
        var user = new UserView("u1", "anna", "Anna", null, null, null, UserKind.Customer);

        Assert.Contains("\"status\":\"inProgress\"", JsonSerializer.Serialize(view, PortalJson.Options));
        Assert.Contains("\"kind\":\"customer\"", JsonSerializer.Serialize(user, PortalJson.Options));
    }
}
