namespace Portal.Core.Features.Accounts;

/// <summary>
/// The seed's rule that access is granted by an access group: a customer user may use the portal only while it
/// belongs to an access group with the <c>Customer</c> profile. Staff need no group. Pure, so both sign-ins
/// (password and work account) and the staff users list apply the same rule.
/// </summary>
public static class CustomerAccessRule
{
    public const string CustomerProfile = "Customer";

    /// <summary>Whether the user may sign in, given the access group its row names (null when it names none or the group is gone).</summary>
    public static bool MaySignIn(UserEntity user, AccessGroupEntity? group) =>
        user.UserKind == UserKind.Staff || IsCustomerGroup(user.AccessGroupId, group);

    /// <summary>Whether a customer user is in no usable group: what staff see flagged in the users list.</summary>
    public static bool InNoAccessGroup(UserEntity user, AccessGroupEntity? group) =>
        user.UserKind == UserKind.Customer && !IsCustomerGroup(user.AccessGroupId, group);

    private static bool IsCustomerGroup(string? groupId, AccessGroupEntity? group) =>
        groupId is not null && group is not null && group.RowKey == groupId &&
        string.Equals(group.Profile, CustomerProfile, StringComparison.Ordinal);
}
