using Portal.Core.Features.Accounts;

namespace Portal.Core.Tests.Features.Accounts;

public sealed class CustomerAccessRuleTests
{
    private static UserEntity Customer(string? group) => new() { Kind = nameof(UserKind.Customer), AccessGroupId = group };

    private static AccessGroupEntity Group(string id, string profile = "Customer") => new() { RowKey = id, Profile = profile };

    [Fact]
    public void A_customer_in_a_customer_group_may_sign_in()
    {
        Assert.True(CustomerAccessRule.MaySignIn(Customer("customers"), Group("customers")));
        Assert.False(CustomerAccessRule.InNoAccessGroup(Customer("customers"), Group("customers")));
    }

    [Fact]
    public void A_customer_in_no_group_or_a_missing_or_other_profile_group_may_not()
    {
        Assert.False(CustomerAccessRule.MaySignIn(Customer(null), null));
        Assert.False(CustomerAccessRule.MaySignIn(Customer("gone"), null));
        Assert.False(CustomerAccessRule.MaySignIn(Customer("partners"), Group("partners", "Partner")));
        Assert.False(CustomerAccessRule.MaySignIn(Customer("customers"), Group("another-group")));
        Assert.True(CustomerAccessRule.InNoAccessGroup(Customer(null), null));
    }

    [Fact]
    public void Staff_need_no_group_and_are_never_flagged()
    {
        var staff = new UserEntity { Kind = nameof(UserKind.Staff) };
        Assert.True(CustomerAccessRule.MaySignIn(staff, null));
        Assert.False(CustomerAccessRule.InNoAccessGroup(staff, null));
    }
}
