using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Documents;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Balances;

/// <summary>Lets tests stop the ledger worker between two steps, as a crash would.</summary>
public interface ILedgerFaults
{
    void At(string step, LedgerTerms? terms);
}

internal sealed class NoLedgerFaults : ILedgerFaults
{
    public void At(string step, LedgerTerms? terms)
    {
    }
}

/// <summary>
/// The ledger's write side. Postings (payments and refunds from the ERP or a clerk, invoices and credit notes from the
/// Documents feature) only record what was posted under a deterministic id and enqueue work; the <c>ledger</c> queue
/// worker applies each entry to the materialised balance exactly once: the applied terms are remembered in the same
/// entity-group transaction as the balance, guarded by the balance's ETag, so a redelivered message finds nothing to do,
/// two workers at once make one of them start over, and a crash before the commit leaves nothing half done.
/// </summary>
public sealed class LedgerService(
    LedgerStore store,
    QueueServiceClient queues,
    AccountService accounts,
    SettingsStore settings,
    ILedgerFaults faults,
    TimeProvider clock,
    ILogger<LedgerService> logger) : IDocumentLedger
{
    /// <summary>An entry posted again this long after its first post, and still not applied, gets its message again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(30);

    public async Task<PaymentView> PostPaymentAsync(CounterpartyScope scope, string number, PaymentRequest request, string recordedBy,
        CancellationToken cancellationToken)
    {
        if (!LedgerNumbers.IsValid(number))
        {
            throw Problems.Validation("number", "Use 1–50 letters, digits, '-', '_' or '.'.");
        }
        await accounts.GetCounterpartyAsync(scope.CounterpartyId, cancellationToken); // 404 for an unknown counterparty
        var kind = request.Kind ?? PaymentKind.Payment;
        var invoiceNumber = request.InvoiceNumber?.Trim();
        var terms = new LedgerTerms(kind == PaymentKind.Refund ? LedgerKind.Refund : LedgerKind.Payment, number, request.Date, null, request.Amount,
            invoiceNumber is null ? null : DocumentKeys.Id(scope.CounterpartyId, DocumentTypes.Invoices, invoiceNumber), invoiceNumber,
            request.OrderNumber?.Trim(), null, null);
        var notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        var id = LedgerKeys.Payment(scope.CounterpartyId, number);
        await PostAsync(scope, id, terms, notes, recordedBy, cancellationToken);
        var currency = (await settings.GetAsync(cancellationToken)).Currency;
        return new PaymentView(id, number, kind, request.Date, new Money(request.Amount, currency), invoiceNumber, terms.OrderNumber, notes);
    }

    /// <summary>
    /// An invoice or credit note was saved (or sent again unchanged) in Documents: post its terms. A canceled one counts
    /// zero; a credit note names the invoice it reduces and an invoice the order it bills through their related documents.
    /// </summary>
    public async Task RecordAsync(CounterpartyScope scope, LedgerDocument document, CancellationToken cancellationToken)
    {
        var kind = document.Type switch
        {
            DocumentTypes.Invoices => LedgerKind.Invoice,
            DocumentTypes.CreditNotes => LedgerKind.CreditNote,
            _ => (LedgerKind?)null,
        };
        if (kind is null)
        {
            return;
        }
        var invoice = kind == LedgerKind.CreditNote ? document.Related.FirstOrDefault(r => r.Type == DocumentTypes.Invoices) : null;
        var order = document.Related.FirstOrDefault(r => r.Type == DocumentTypes.Orders)?.Number;
        var terms = new LedgerTerms(kind.Value, document.Number, document.Date, kind == LedgerKind.Invoice ? document.DueDate ?? document.Date : null,
            document.Status == DocumentStatus.Canceled ? 0m : document.Total,
            invoice is null ? null : DocumentKeys.Id(scope.CounterpartyId, DocumentTypes.Invoices, invoice.Number), invoice?.Number, order, document.Type, document.Id);
        await PostAsync(scope, document.Id, terms, null, null, cancellationToken);
    }

    private async Task PostAsync(CounterpartyScope scope, string entryId, LedgerTerms terms, string? notes, string? recordedBy, CancellationToken cancellationToken)
    {
        var hash = LedgerRows.Hash(terms, notes);
        var posted = await store.ReadAsync<PostedEntryEntity>(scope.CounterpartyId, LedgerKeys.Posted(entryId), cancellationToken);
        if (posted?.ContentHash == hash)
        {
            // Posted before. If it is still not applied a while later, its message was lost (a crash between the write and the
            // send): this retry sends it again. Within that while, the first message is most likely still on its way.
            if (clock.GetUtcNow() - posted.PostedAt < ResendAfter)
            {
                return;
            }
            var applied = await store.ReadAsync<AppliedEntryEntity>(scope.CounterpartyId, LedgerKeys.Applied(entryId), cancellationToken);
            if (TermsOf(applied) == terms)
            {
                return;
            }
        }
        else
        {
            await store.UpsertAsync(LedgerRows.Posted(scope.CounterpartyId, entryId, terms, notes, recordedBy, clock.GetUtcNow()), cancellationToken);
        }
        await EnqueueAsync(scope.CounterpartyId, entryId, cancellationToken);
        logger.LogInformation("Ledger entry {Kind} {Number} of {Counterparty} posted", terms.Kind, terms.Number, scope.CounterpartyId);
    }

    public Task EnqueueAsync(string counterpartyId, string entryId, CancellationToken cancellationToken) =>
        queues.GetQueueClient(BalancesTables.LedgerQueue).SendMessageAsync(JsonSerializer.Serialize(new LedgerWork(counterpartyId, entryId), PortalJson.Options),
            cancellationToken);

    /// <summary>The queue function's work: apply what is posted of one entry. Safe to run twice, concurrently, or after dying at any step.</summary>
    public async Task ApplyAsync(LedgerWork work, CancellationToken cancellationToken)
    {
        var partition = work.CounterpartyId;
        if (!TableKeys.IsSafe(partition) || !TableKeys.IsSafe(work.EntryId))
        {
            logger.LogWarning("Ignored a ledger message with unusable keys");
            return;
        }
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var postedTask = store.ReadAsync<PostedEntryEntity>(partition, LedgerKeys.Posted(work.EntryId), cancellationToken);
            var appliedTask = store.ReadAsync<AppliedEntryEntity>(partition, LedgerKeys.Applied(work.EntryId), cancellationToken);
            var balanceTask = store.ReadAsync<BalanceEntity>(partition, LedgerKeys.Balance, cancellationToken);
            var (posted, applied, balanceRow) = (await postedTask, await appliedTask, await balanceTask);
            var now = posted is null ? null : TermsOf(posted);
            var old = TermsOf(applied);
            if (now == old)
            {
                // Applied already (a redelivery, or the other worker won): perhaps the overview was not refreshed before a crash.
                if (balanceRow is not null)
                {
                    await RefreshSummaryAsync(partition, balanceRow, cancellationToken);
                }
                return;
            }

            // The rows this change touches: the invoices involved and the orders involved.
            var invoiceRows = new Dictionary<string, AppliedEntryEntity?>(StringComparer.Ordinal);
            if (old?.Kind == LedgerKind.Invoice || now?.Kind == LedgerKind.Invoice)
            {
                invoiceRows[work.EntryId] = applied;
            }
            foreach (var invoiceId in new[] { old?.InvoiceId, now?.InvoiceId }.OfType<string>().Distinct().Where(i => i != work.EntryId))
            {
                invoiceRows[invoiceId] = await store.ReadAsync<AppliedEntryEntity>(partition, LedgerKeys.Applied(invoiceId), cancellationToken);
            }
            var invoices = invoiceRows.ToDictionary(r => r.Key, r => InvoiceOf(r.Value), StringComparer.Ordinal);
            var orderNumbers = LedgerMath.OrdersInvolved(work.EntryId, old, now, invoices).Where(n => TableKeys.IsSafe(n)).ToList();
            var orderRows = new Dictionary<string, OrderBalanceEntity?>(StringComparer.Ordinal);
            foreach (var number in orderNumbers)
            {
                orderRows[number] = await store.ReadAsync<OrderBalanceEntity>(partition, LedgerKeys.Order(number), cancellationToken);
            }
            var orders = orderRows.ToDictionary(o => o.Key,
                o => new OrderTotals { Invoiced = Money.Read(o.Value?.Invoiced ?? "0"), Credited = Money.Read(o.Value?.Credited ?? "0") }, StringComparer.Ordinal);

            var balance = LedgerRows.State(balanceRow);
            LedgerMath.Apply(balance, work.EntryId, old, now, invoices, orders);
            var at = clock.GetUtcNow();

            var change = store.NewChange(partition);
            var newBalance = LedgerRows.Balance(partition, balance, (balanceRow?.Version ?? 0) + 1, at);
            if (balanceRow is null)
            {
                change.Add(newBalance);
            }
            else
            {
                newBalance.ETag = balanceRow.ETag;
                change.Replace(newBalance);
            }
            var entryRow = new AppliedEntryEntity
            {
                PartitionKey = partition, RowKey = LedgerKeys.Applied(work.EntryId), Terms = now is null ? null : JsonSerializer.Serialize(now, PortalJson.Options),
                AppliedAt = at,
            };
            if (invoices.TryGetValue(work.EntryId, out var own))
            {
                LedgerRows.SetInvoice(entryRow, own);
            }
            else if (applied is not null)
            {
                LedgerRows.SetInvoice(entryRow, InvoiceOf(applied));
            }
            change.Upsert(entryRow);
            foreach (var (invoiceId, row) in invoiceRows.Where(r => r.Key != work.EntryId))
            {
                var invoiceRow = new AppliedEntryEntity
                {
                    PartitionKey = partition, RowKey = LedgerKeys.Applied(invoiceId), Terms = row?.Terms, AppliedAt = row?.AppliedAt ?? at,
                };
                LedgerRows.SetInvoice(invoiceRow, invoices[invoiceId]);
                change.Upsert(invoiceRow);
            }
            foreach (var (number, totals) in orders)
            {
                change.Upsert(new OrderBalanceEntity
                {
                    PartitionKey = partition, RowKey = LedgerKeys.Order(number), OrderNumber = number, Invoiced = Money.Store(totals.Invoiced),
                    Credited = Money.Store(totals.Credited), UpdatedAt = at,
                });
            }
            var oldMovement = old is { Amount: > 0 } ? LedgerKeys.Movement(old.Date, work.EntryId) : null;
            var newMovement = now is { Amount: > 0 } ? LedgerRows.Movement(partition, work.EntryId, now) : null;
            if (oldMovement is not null && oldMovement != newMovement?.RowKey)
            {
                change.Delete(oldMovement);
            }
            if (newMovement is not null)
            {
                change.Upsert(newMovement);
            }

            faults.At("before-commit", now ?? old);
            try
            {
                await store.SubmitAsync(change, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another worker changed the balance since we read it: read again and apply on top.
                await Task.Delay(Random.Shared.Next(1, 10 + attempt * 5), cancellationToken);
                continue;
            }
            logger.LogInformation("Ledger entry {EntryId} of {Counterparty} applied", work.EntryId, partition);
            faults.At("after-commit", now ?? old);
            newBalance.ETag = default;
            await RefreshSummaryAsync(partition, newBalance, cancellationToken);
            return;
        }
        throw new InvalidOperationException($"Ledger entry {work.EntryId} kept conflicting with other changes.");
    }

    /// <summary>
    /// Writes the counterparty's line in the staff overview from a committed balance, unless a newer balance is there already.
    /// Idempotent; run after every commit and on every redelivery, so a crash between the two is repaired.
    /// </summary>
    private async Task RefreshSummaryAsync(string counterpartyId, BalanceEntity balanceRow, CancellationToken cancellationToken)
    {
        var balance = LedgerRows.State(balanceRow);
        var figures = LedgerMath.Figures(balance, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        string? name = null;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var pointer = await store.ReadAsync<SummaryPointerEntity>(LedgerKeys.SummaryPartition, LedgerKeys.Pointer(counterpartyId), cancellationToken);
            if (pointer is not null && pointer.Version >= balanceRow.Version)
            {
                return;
            }
            name ??= await NameOfAsync(counterpartyId, cancellationToken);
            var listKey = LedgerKeys.List(figures.OldestOpenDue, counterpartyId);
            var change = store.NewChange(LedgerKeys.SummaryPartition);
            var newPointer = new SummaryPointerEntity
            {
                PartitionKey = LedgerKeys.SummaryPartition, RowKey = LedgerKeys.Pointer(counterpartyId), ListRowKey = listKey, Version = balanceRow.Version,
            };
            if (pointer is null)
            {
                change.Add(newPointer);
            }
            else
            {
                newPointer.ETag = pointer.ETag;
                change.Replace(newPointer);
                if (pointer.ListRowKey != listKey)
                {
                    change.Delete(pointer.ListRowKey);
                }
            }
            change.Upsert(new SummaryEntity
            {
                PartitionKey = LedgerKeys.SummaryPartition, RowKey = listKey, CounterpartyId = counterpartyId, Name = name, OpenByDue = balanceRow.OpenByDue,
                AdvancePool = balanceRow.AdvancePool, Net = Money.Store(balance.Net), UpdatedAt = balanceRow.UpdatedAt,
            });
            try
            {
                await store.SubmitAsync(change, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                await Task.Delay(Random.Shared.Next(1, 10 + attempt * 5), cancellationToken);
            }
        }
        logger.LogWarning("The staff overview of {Counterparty} stayed contended; the next ledger change refreshes it", counterpartyId);
    }

    private async Task<string> NameOfAsync(string counterpartyId, CancellationToken cancellationToken)
    {
        try
        {
            return (await accounts.GetCounterpartyAsync(counterpartyId, cancellationToken)).Name;
        }
        catch (PortalProblemException ex) when (ex.Status == 404)
        {
            return counterpartyId;
        }
    }

    internal static LedgerTerms TermsOf(PostedEntryEntity posted) =>
        new(Enum.Parse<LedgerKind>(posted.Kind), posted.Number, DateOnly.FromDateTime(posted.Date), posted.DueDate is { } due ? DateOnly.FromDateTime(due) : null,
            Money.Read(posted.Amount), posted.InvoiceId, posted.InvoiceNumber, posted.OrderNumber, posted.DocumentType, posted.DocumentId);

    private static LedgerTerms? TermsOf(AppliedEntryEntity? applied) =>
        applied?.Terms is { } json ? JsonSerializer.Deserialize<LedgerTerms>(json, PortalJson.Options) : null;

    private static InvoiceState InvoiceOf(AppliedEntryEntity? row) => new()
    {
        Total = row?.InvoiceTotal is { } total ? Money.Read(total) : 0m,
        DueDate = row?.InvoiceDueDate is { } due ? DateOnly.FromDateTime(due) : null,
        OrderNumber = row?.InvoiceOrder,
        Credited = row is null ? 0m : Money.Read(row.InvoiceCredited),
    };

    private static DateTime Utc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <summary>
/// The Ledger table's rows as the worker writes them, from the ledger's pure state: the balance row with its monthly
/// checkpoints, a statement line, an invoice's applied state. Also used to seed a long history for the benchmark.
/// </summary>
public static class LedgerRows
{
    /// <summary>What makes a posting the same as an earlier one: its terms and notes, not who sent it.</summary>
    public static string Hash(LedgerTerms terms, string? notes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(terms, PortalJson.Options) + "\n" + notes)));

    public static PostedEntryEntity Posted(string partition, string entryId, LedgerTerms terms, string? notes, string? recordedBy, DateTimeOffset at) => new()
    {
        PartitionKey = partition,
        RowKey = LedgerKeys.Posted(entryId),
        EntryId = entryId,
        Kind = terms.Kind.ToString(),
        Number = terms.Number,
        Date = Utc(terms.Date),
        DueDate = terms.DueDate is { } due ? Utc(due) : null,
        Amount = Money.Store(terms.Amount),
        InvoiceId = terms.InvoiceId,
        InvoiceNumber = terms.InvoiceNumber,
        OrderNumber = terms.OrderNumber,
        DocumentType = terms.DocumentType,
        DocumentId = terms.DocumentId,
        Notes = notes,
        RecordedBy = recordedBy,
        ContentHash = Hash(terms, notes),
        PostedAt = at,
    };

    /// <summary>An entry's applied row: its terms and, for an invoice, its state.</summary>
    public static AppliedEntryEntity Applied(string partition, string entryId, LedgerTerms? terms, InvoiceState? invoice, DateTimeOffset at)
    {
        var row = new AppliedEntryEntity
        {
            PartitionKey = partition, RowKey = LedgerKeys.Applied(entryId), Terms = terms is null ? null : JsonSerializer.Serialize(terms, PortalJson.Options), AppliedAt = at,
        };
        if (invoice is not null)
        {
            SetInvoice(row, invoice);
        }
        return row;
    }

    public static BalanceState State(BalanceEntity? row)
    {
        var state = new BalanceState();
        if (row is null)
        {
            return state;
        }
        state.TotalDebit = Money.Read(row.TotalDebit);
        state.TotalCredit = Money.Read(row.TotalCredit);
        state.AdvancePool = Money.Read(row.AdvancePool);
        foreach (var open in JsonColumn.Read<DueAmount>(row.OpenByDue))
        {
            state.OpenByDue[open.DueDate] = open.Amount;
        }
        foreach (var month in JsonColumn.Read<MonthTotals>(row.Months))
        {
            state.Months[month.Month] = (month.Debit, month.Credit);
        }
        return state;
    }

    public static BalanceEntity Balance(string partition, BalanceState state, long version, DateTimeOffset at) => new()
    {
        PartitionKey = partition,
        RowKey = LedgerKeys.Balance,
        TotalDebit = Money.Store(state.TotalDebit),
        TotalCredit = Money.Store(state.TotalCredit),
        AdvancePool = Money.Store(state.AdvancePool),
        OpenByDue = JsonColumn.Write(state.OpenByDue.Select(o => new DueAmount(o.Key, o.Value))),
        Months = JsonColumn.Write(state.Months.Select(m => new MonthTotals(m.Key, m.Value.Debit, m.Value.Credit))),
        Version = version,
        UpdatedAt = at,
    };

    public static MovementEntity Movement(string partition, string entryId, LedgerTerms terms) => new()
    {
        PartitionKey = partition,
        RowKey = LedgerKeys.Movement(terms.Date, entryId),
        EntryId = entryId,
        Kind = terms.Kind.ToString(),
        Number = terms.Number,
        Date = Utc(terms.Date),
        DueDate = terms.DueDate is { } due ? Utc(due) : null,
        Debit = Money.Store(terms.Debit),
        Credit = Money.Store(terms.Credit),
        InvoiceNumber = terms.InvoiceNumber,
        OrderNumber = terms.OrderNumber,
        DocumentType = terms.DocumentType,
        DocumentId = terms.DocumentId,
    };

    public static void SetInvoice(AppliedEntryEntity row, InvoiceState invoice)
    {
        row.InvoiceTotal = Money.Store(invoice.Total);
        row.InvoiceDueDate = invoice.DueDate is { } due ? Utc(due) : null;
        row.InvoiceOrder = invoice.OrderNumber;
        row.InvoiceCredited = Money.Store(invoice.Credited);
    }

    private static DateTime Utc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
