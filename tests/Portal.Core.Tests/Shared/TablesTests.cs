using Azure.Data.Tables;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Tests.Shared;

public sealed class EntityGroupTests
{
    [Fact]
    public void A_row_of_another_partition_is_refused_before_anything_is_sent()
    {
        var change = new EntityGroup("northwind").Add(new TableEntity("northwind", "a"));

        Assert.Throws<InvalidOperationException>(() => change.Add(new TableEntity("contoso", "b")));
        Assert.Single(change.Actions);
    }

    [Fact]
    public void A_transaction_holds_at_most_100_rows()
    {
        var change = new EntityGroup("p");
        for (var i = 0; i < EntityGroup.MaxEntities; i++)
        {
            change.Upsert(new TableEntity("p", i.ToString("D3")));
        }

        Assert.Throws<InvalidOperationException>(() => change.Upsert(new TableEntity("p", "one-too-many")));
    }
}

public sealed class TableKeysTests
{
    [Fact]
    public void Newer_rows_sort_first_and_keys_have_one_width()
    {
        var older = TableKeys.NewestFirst(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var newer = TableKeys.NewestFirst(new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.Equal(older.Length, newer.Length);
    }

    [Fact]
    public void A_date_range_includes_both_days_whole()
    {
        var (lower, upper) = TableKeys.NewestFirstRange("l:", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 28));
        string Key(int day, int hour) => "l:" + TableKeys.NewestFirst(new DateTimeOffset(2026, 11, day, hour, 0, 0, TimeSpan.Zero)) + ":id";

        Assert.All([Key(1, 0), Key(15, 12), Key(28, 23)], key => Assert.True(string.CompareOrdinal(key, lower) >= 0 && string.CompareOrdinal(key, upper) < 0));
        Assert.True(string.CompareOrdinal(Key(29, 0), lower) < 0);
        Assert.True(string.CompareOrdinal("l:" + TableKeys.NewestFirst(new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.Zero)) + ":id", upper) >= 0);
    }

    [Theory]
    [InlineData("a1b2", true)]
    [InlineData("a/b", false)]
    [InlineData("a#b", false)]
    [InlineData("a?b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a\u0001b", false)]
    [InlineData("", false)]
    public void Request_values_with_characters_Azure_forbids_in_keys_are_not_safe(string value, bool safe) =>
        Assert.Equal(safe, TableKeys.IsSafe(value));
}
