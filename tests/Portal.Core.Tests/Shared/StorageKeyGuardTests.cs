using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Tests.Shared;

/// <summary>
/// The guard sits in the table client's pipeline, so these tests use a real TableClient whose transport records what
/// would have been sent instead of sending it: a refused key must never reach the transport.
/// </summary>
public sealed class StorageKeyGuardTests
{
    private sealed class RecordingTransport : HttpPipelineTransport
    {
        public int Sent { get; private set; }

        public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

        public override void Process(HttpMessage message) => throw new NotSupportedException();

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            Sent++;
            throw new RequestFailedException(418, "Recorded, not sent.");
        }
    }

    private static (TableClient Table, RecordingTransport Transport) Client()
    {
        var transport = new RecordingTransport();
        var options = new TableClientOptions { Transport = transport, Retry = { MaxRetries = 0 } };
        options.AddPolicy(StorageKeyGuard.Instance, HttpPipelinePosition.PerCall);
        var table = new TableClient(new Uri("https://account.table.core.windows.net/Orders"), new AzureSasCredential("sv=2024&sig=x"), options);
        return (table, transport);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("bell\u0007")]
    [InlineData("del\u007F")]
    public async Task A_point_read_with_a_key_Azure_refuses_is_stopped_before_it_is_sent(string rowKey)
    {
        var (table, transport) = Client();

        await Assert.ThrowsAsync<UnsafeStorageKeyException>(() => table.GetEntityIfExistsAsync<TableEntity>("northwind", rowKey));
        Assert.Equal(0, transport.Sent);
    }

    [Fact]
    public async Task Inserts_updates_deletes_and_transactions_are_checked_too()
    {
        var (table, transport) = Client();
        var bad = new TableEntity("northwind", "order:a#1");

        await Assert.ThrowsAsync<UnsafeStorageKeyException>(() => table.AddEntityAsync(bad));
        await Assert.ThrowsAsync<UnsafeStorageKeyException>(() => table.UpsertEntityAsync(bad));
        await Assert.ThrowsAsync<UnsafeStorageKeyException>(() => table.DeleteEntityAsync("north/wind", "x"));
        await Assert.ThrowsAsync<UnsafeStorageKeyException>(() => table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("northwind", "ok")),
             new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("northwind", "a?b"), ETag.All)]));
        Assert.Equal(0, transport.Sent);
    }

    [Fact]
    public async Task Keys_longer_than_one_kibibyte_are_refused()
    {
        var (table, transport) = Client();

        await Assert.ThrowsAsync<UnsafeStorageKeyException>(() => table.AddEntityAsync(new TableEntity("northwind", new string('x', 513))));
        Assert.Equal(0, transport.Sent);
    }

    [Theory]
    [InlineData("o'brien@northwind.example")]
    [InlineData("name:anna@northwind.example")]
    [InlineData("dlist:invoices:0000000000000000001:9f2c")]
    [InlineData("Ünïcode & spaces + 100%")]
    public async Task Ordinary_keys_pass(string rowKey)
    {
        var (table, transport) = Client();

        await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync<TableEntity>("northwind", rowKey));
        await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("northwind", rowKey)));
        await Assert.ThrowsAsync<RequestFailedException>(() => table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("northwind", rowKey), ETag.All)]));
        Assert.Equal(3, transport.Sent);
    }

    [Fact]
    public async Task A_property_over_64_KiB_or_an_entity_over_1_MiB_is_stopped_before_it_is_sent()
    {
        var (table, transport) = Client();
        var wideField = new TableEntity("northwind", "order:1") { ["Lines"] = new string('x', 33_000) };
        var wideEntity = new TableEntity("northwind", "order:2");
        for (var i = 0; i < 20; i++)
        {
            wideEntity[$"Part{i}"] = new string('x', 30_000);
        }
        var bigBinary = new TableEntity("northwind", "order:3") { ["Gzip"] = new byte[70_000] };

        var field = await Assert.ThrowsAsync<StorageLimitException>(() => table.AddEntityAsync(wideField));
        Assert.Contains("Lines", field.Message);
        await Assert.ThrowsAsync<StorageLimitException>(() => table.UpsertEntityAsync(wideEntity));
        await Assert.ThrowsAsync<StorageLimitException>(() => table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, bigBinary, ETag.All)]));
        Assert.Equal(0, transport.Sent);
    }

    [Fact]
    public async Task Entities_within_the_limits_pass()
    {
        var (table, transport) = Client();
        var entity = new TableEntity("northwind", "order:1") { ["Lines"] = new string('x', 32_000), ["Gzip1"] = new byte[65_536], ["Gzip2"] = new byte[65_536] };

        await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(entity));
        await Assert.ThrowsAsync<RequestFailedException>(() => table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)]));
        Assert.Equal(2, transport.Sent);
    }
}
