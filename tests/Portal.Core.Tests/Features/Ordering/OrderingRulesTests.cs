using Portal.Core.Features.Ordering;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Tests.Features.Ordering;

public sealed class CartRulesTests
{
    [Theory]
    [InlineData(3, 0, true)]
    [InlineData(2.5, 0, false)]
    [InlineData(1.25, 3, true)]
    [InlineData(1.2505, 3, false)]
    [InlineData(10.0, 1, true)]
    public void Quantities_follow_the_units_precision(decimal quantity, int precision, bool ok) =>
        Assert.Equal(ok, CartRules.CheckPrecision(quantity, precision, "pcs") is null);

    [Fact]
    public void Whole_units_are_asked_for_in_words()
    {
        Assert.Equal("Order whole pcs.", CartRules.CheckPrecision(1.5m, 0, "pcs"));
        Assert.Contains("3 decimal places", CartRules.CheckPrecision(1.00001m, 3, "kg"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Quantities_must_be_positive_and_sane(decimal quantity)
    {
        var errors = new ValidationErrors();
        CartRules.ValidateQuantity(errors, "quantity", quantity);
        Assert.False(errors.IsEmpty);
    }
}

public sealed class OrderingKeysTests
{
    [Fact]
    public void Newer_orders_sort_first_by_row_key()
    {
        var older = OrderingKeys.OrderList(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), "a");
        var newer = OrderingKeys.OrderList(new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero), "b");

        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.Equal(older.Length, newer.Length);
    }

    [Fact]
    public void Order_numbers_are_zero_padded() => Assert.Equal("SO-000123", OrderNumbers.Format(123));
}

public sealed class ContinuationTokenTests
{
    [Fact]
    public void A_storage_token_survives_the_round_trip() =>
        Assert.Equal("1!8!cGFydA-- 1!12!cm93a2V5", ContinuationToken.Unwrap(ContinuationToken.Wrap("1!8!cGFydA-- 1!12!cm93a2V5")));

    [Theory]
    [InlineData("garbage")]
    [InlineData("c1.***")]
    public void A_made_up_token_is_a_400(string token) =>
        Assert.Equal(400, Assert.Throws<PortalProblemException>(() => ContinuationToken.Unwrap(token)).Status);

    [Fact]
    public void No_token_means_the_first_page()
    {
        Assert.Null(ContinuationToken.Unwrap(null));
        Assert.Null(ContinuationToken.Wrap(null));
    }
}
