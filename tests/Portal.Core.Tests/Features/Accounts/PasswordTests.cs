using Portal.Core.Features.Accounts;

namespace Portal.Core.Tests.Features.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("seven77")]
    [InlineData("")]
    public void Passwords_shorter_than_8_characters_are_refused(string password) =>
        Assert.Contains("at least 8", PasswordPolicy.Check(password, "someone"));

    [Theory]
    [InlineData("password123")]
    [InlineData("Password123")]
    [InlineData("qwertyuiop")]
    public void Common_passwords_are_refused_whatever_their_case(string password) =>
        Assert.Contains("too common", PasswordPolicy.Check(password, "someone"));

    [Fact]
    public void The_username_is_not_a_password() =>
        Assert.NotNull(PasswordPolicy.Check("anna.schmidt", "Anna.Schmidt"));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("alllowercaseletters")]
    [InlineData("🙂🙂🙂🙂🙂🙂🙂🙂")]
    public void No_composition_rules_apply(string password) =>
        Assert.Null(PasswordPolicy.Check(password, "someone"));

    [Fact]
    public void Long_passwords_are_allowed_up_to_128_characters()
    {
        Assert.Null(PasswordPolicy.Check(new string('x', 64) + "y", "someone"));
        Assert.Null(PasswordPolicy.Check(new string('z', 128), "someone"));
        Assert.NotNull(PasswordPolicy.Check(new string('z', 129), "someone"));
    }
}

public sealed class PasswordHasherTests
{
    [Fact]
    public void A_hash_verifies_its_password_only()
    {
        var hash = PasswordHasher.Hash("correct horse battery staple");

        Assert.True(PasswordHasher.Verify("correct horse battery staple", hash));
        Assert.False(PasswordHasher.Verify("correct horse battery stapler", hash));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time_and_records_its_parameters()
    {
        var first = PasswordHasher.Hash("same password");
        var second = PasswordHasher.Hash("same password");

        Assert.NotEqual(first, second);
        Assert.StartsWith("pbkdf2-sha256$600000$", first);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("md5$1$abc$def")]
    public void Missing_or_broken_hashes_never_verify(string? stored) =>
        Assert.False(PasswordHasher.Verify("anything", stored));
}
