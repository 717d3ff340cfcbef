using Azure;
using Azure.Data.Tables;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Balances;

// The Ledger table. Everything of a counterparty's ledger is in that counterparty's partition, so the queue worker can
// change an entry's applied state, the balance, the affected orders and the statement rows in ONE entity-group
// transaction guarded by the balance row's ETag:
//   "post:{entryId}"    what was posted (by the ERP, a clerk, or the Documents feature), keyed by a deterministic id
//   "applied:{entryId}" what the worker has applied of it (its terms; for invoices the credits allocated to them)
//   "balance"           the materialised balance: totals, open amounts by due date, advances, movements per month
//   "order:{number}"    one order's invoiced and paid amounts
//   "mv:{date}:{entryId}" a statement line, in date order, so a period is one range query
// The staff overview has a partition of its own, "balances": "cp:{counterpartyId}" points at the counterparty's
// list row "list:{oldest open due date}:{counterpartyId}", so the list is overdue first, one range query per page.

public static class BalancesTables
{
    public const string Ledger = "Ledger";

    /// <summary>Entries whose posted terms the worker should apply to the balance.</summary>
    public const string LedgerQueue = "ledger";
}

public static class LedgerKeys
{
    public const string Balance = "balance";
    public static string Posted(string entryId) => "post:" + entryId;
    public static string Applied(string entryId) => "applied:" + entryId;
    public const string OrderPrefix = "order:";
    public static string Order(string number) => OrderPrefix + number;
    public const string MovementPrefix = "mv:";
    public static string MovementsFrom(DateOnly date) => MovementPrefix + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public static string Movement(DateOnly date, string entryId) => MovementsFrom(date) + ":" + entryId;

    public const string SummaryPartition = "balances";
    public static string Pointer(string counterpartyId) => "cp:" + counterpartyId;
    public const string ListPrefix = "list:";
    public static string List(DateOnly? oldestOpenDue, string counterpartyId) =>
        ListPrefix + (oldestOpenDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "9999-12-31") + ":" + counterpartyId;

    /// <summary>A payment's or refund's id: from the company's number, so posting it again names the same entry.</summary>
    public static string Payment(string counterpartyId, string number) => Shared.StableId.From("payment", counterpartyId, number);
}

/// <summary>An entry as posted. The hash of what was sent makes a repeated post write nothing.</summary>
public sealed class PostedEntryEntity : TableRow
{
    public string EntryId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Number { get; set; } = "";
    public DateTime Date { get; set; }
    public DateTime? DueDate { get; set; }
    public string Amount { get; set; } = "0";
    public string? InvoiceId { get; set; }
    public string? InvoiceNumber { get; set; }
    public string? OrderNumber { get; set; }
    public string? DocumentType { get; set; }
    public string? DocumentId { get; set; }
    public string? Notes { get; set; }
    public string? RecordedBy { get; set; }
    public string ContentHash { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }
}

/// <summary>What the worker applied of an entry; for an invoice also the credits allocated to it.</summary>
public sealed class AppliedEntryEntity : TableRow
{
    /// <summary>JSON of the applied <see cref="LedgerTerms"/>; null while nothing of the entry is applied (an invoice only named by payments).</summary>
    public string? Terms { get; set; }
    public string? InvoiceTotal { get; set; }
    public DateTime? InvoiceDueDate { get; set; }
    public string? InvoiceOrder { get; set; }
    public string InvoiceCredited { get; set; } = "0";
    public DateTimeOffset AppliedAt { get; set; }
}

public sealed class BalanceEntity : TableRow
{
    public string TotalDebit { get; set; } = "0";
    public string TotalCredit { get; set; } = "0";
    public string AdvancePool { get; set; } = "0";
    /// <summary>JSON list of <see cref="DueAmount"/>.</summary>
    public string OpenByDue { get; set; } = "[]";
    /// <summary>JSON list of <see cref="MonthTotals"/>: the monthly checkpoints.</summary>
    public string Months { get; set; } = "[]";
    /// <summary>Counts applied changes; the staff overview keeps the newest.</summary>
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class OrderBalanceEntity : TableRow
{
    public string OrderNumber { get; set; } = "";
    public string Invoiced { get; set; } = "0";
    public string Credited { get; set; } = "0";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class MovementEntity : TableRow
{
    public string EntryId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Number { get; set; } = "";
    public DateTime Date { get; set; }
    public DateTime? DueDate { get; set; }
    public string Debit { get; set; } = "0";
    public string Credit { get; set; } = "0";
    public string? InvoiceNumber { get; set; }
    public string? OrderNumber { get; set; }
    public string? DocumentType { get; set; }
    public string? DocumentId { get; set; }
}

/// <summary>"cp:{id}" in the staff partition: which list row is the counterparty's and from which balance version.</summary>
public sealed class SummaryPointerEntity : TableRow
{
    public string ListRowKey { get; set; } = "";
    public long Version { get; set; }
}

/// <summary>A counterparty's line in the staff overview; figures are recomputed from the open amounts when read.</summary>
public sealed class SummaryEntity : TableRow
{
    public string CounterpartyId { get; set; } = "";
    public string Name { get; set; } = "";
    public string OpenByDue { get; set; } = "[]";
    public string AdvancePool { get; set; } = "0";
    public string Net { get; set; } = "0";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The Ledger table: the only code that knows its keys.</summary>
public sealed class LedgerStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(BalancesTables.Ledger);

    public EntityGroup NewChange(string partitionKey) => new(partitionKey);

    public Task SubmitAsync(EntityGroup change, CancellationToken cancellationToken) => change.SubmitAsync(_table, cancellationToken);

    public Task<T?> ReadAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken) where T : class, ITableEntity =>
        ReadCoreAsync<T>(partitionKey, rowKey, cancellationToken);

    public async Task UpsertAsync(ITableEntity row, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The rows of one partition between two RowKeys, [lower, upper), in key order.</summary>
    public async Task<List<T>> RangeAsync<T>(string partitionKey, string lower, string upper, CancellationToken cancellationToken) where T : class, ITableEntity =>
        await _table.QueryAsync<T>(PagedQuery.Range(partitionKey, lower, upper), maxPerPage: 1000, cancellationToken: cancellationToken).ToListAsync(cancellationToken);

    public Task<ListPage<TView>> PageAsync<T, TView>(string partitionKey, string prefix, string? continuation, int? pageSize, Func<T, TView> toView,
        CancellationToken cancellationToken) where T : class, ITableEntity =>
        PagedQuery.ReadAsync(_table, PagedQuery.Range(partitionKey, prefix, prefix + "~"), continuation, pageSize, toView, cancellationToken);

    private async Task<T?> ReadCoreAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken) where T : class, ITableEntity
    {
        var response = await _table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
