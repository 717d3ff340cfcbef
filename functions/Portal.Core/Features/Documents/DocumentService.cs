using Portal.Core.Shared.Files;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Documents;

/// <summary>Finds an order's id by its number, for links from documents to orders. Implemented by the Ordering feature.</summary>
public interface IOrderNumbers
{
    Task<string?> FindOrderIdAsync(CounterpartyScope scope, string number, CancellationToken cancellationToken);
}

/// <summary>Finds an RMA request's id by its number, for links from goods returns and credit notes. Implemented by the Returns feature.</summary>
public interface IRmaNumbers
{
    Task<string?> FindRmaIdAsync(CounterpartyScope scope, string number, CancellationToken cancellationToken);
}

/// <summary>
/// Takes invoices and credit notes into the counterparty's ledger. Implemented by the Balances feature; called after every
/// save of one — also when the same body is sent again and nothing changed here — so a retry after a crash between the
/// two writes repairs the ledger.
/// </summary>
public interface IDocumentLedger
{
    Task RecordAsync(CounterpartyScope scope, LedgerDocument document, CancellationToken cancellationToken);
}

/// <summary>
/// What happens after a customer disputes a reconciliation statement, beyond listing it for staff: the Support feature
/// opens a support request linked to the statement, so the disagreement becomes a conversation. Called on the first
/// dispute and again on a retry; the implementation creates the request once.
/// </summary>
public interface IDisputeFollowUp
{
    Task OpenAsync(Caller caller, string statementId, string number, string comment, CancellationToken cancellationToken);
}

/// <summary>What the ledger needs of an invoice or credit note.</summary>
public sealed record LedgerDocument(string Type, string Id, string Number, DateOnly Date, DateOnly? DueDate, DocumentStatus Status, decimal Total,
    IReadOnlyList<RelatedRef> Related);

/// <summary>
/// Documents from supplier: the seven types in one model. Customers list, read, export and download them; the ERP
/// or a clerk upserts them by the company's number; goods issues also come from the shipments staff record.
/// </summary>
public sealed class DocumentService(
    DocumentStore store,
    DownloadLinks links,
    AccountService accounts,
    SettingsStore settings,
    IOrderNumbers orders,
    IDocumentLedger ledger,
    IDisputeFollowUp disputes,
    IRmaNumbers rmaRequests,
    TimeProvider clock,
    ILogger<DocumentService> logger)
{
    public const int MaxExportRows = 10_000;

    public Task<ListPage<DocumentSummaryView>> ListAsync(CounterpartyScope scope, string type, DocumentQuery query, string? continuation, int? pageSize,
        CancellationToken cancellationToken)
    {
        var today = Today();
        return store.ListAsync(scope, type, query.From, query.To, Filter(type, query, today), continuation, pageSize, d => ToSummary(d, today), cancellationToken);
    }

    public async Task<DocumentView> GetAsync(CounterpartyScope scope, string type, string id, CancellationToken cancellationToken)
    {
        var (document, file, backlinks) = await store.ReadWithExtrasAsync(scope, type, id, cancellationToken);
        return ToView(document ?? throw Problems.NotFound("The document"), file, backlinks, Today());
    }

    /// <summary>The list as a CSV file for Excel, with the same filters, up to <see cref="MaxExportRows"/> rows.</summary>
    public async Task<(byte[] Content, string FileName)> ExportAsync(CounterpartyScope scope, string type, DocumentQuery query, CancellationToken cancellationToken)
    {
        var today = Today();
        var rows = await store.ListAllAsync(scope, type, query.From, query.To, Filter(type, query, today), MaxExportRows, cancellationToken);
        var csv = Csv.Write(["Number", "Date", "Status", "Due date", "Overdue", "Valid until", "Total", "Currency", "Lines", "Related"],
            rows.Select(d => ToSummary(d, today)).Select(d => (IReadOnlyList<string?>)
            [
                d.Number, d.Date.ToString("yyyy-MM-dd"), Words(d.Status), d.DueDate?.ToString("yyyy-MM-dd"), d.Overdue ? "yes" : "", d.ValidUntil?.ToString("yyyy-MM-dd"),
                Money.Store(d.Total.Amount), d.Total.Currency, d.LineCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join("; ", d.Related.Select(r => r.Number)),
            ]));
        return (csv, $"{type}-{today:yyyy-MM-dd}.csv");
    }

    /// <summary>Where to download the document's file: a read-only link to that one blob, valid for minutes.</summary>
    public async Task<Uri> FileLinkAsync(CounterpartyScope scope, string type, string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsSafe(id))
        {
            throw Problems.NotFound("The document");
        }
        var documentTask = store.ReadAsync(scope, type, id, cancellationToken);
        var fileTask = store.ReadFileAsync(scope, type, id, cancellationToken);
        var document = await documentTask ?? throw Problems.NotFound("The document");
        var file = await fileTask ?? throw Problems.NotFound("The document's file");
        return await links.ForAsync(DocumentsTables.DocumentsContainer, file.BlobName, $"{document.Number}.{file.Extension}", cancellationToken);
    }

    /// <summary>
    /// Creates or updates a document under the company's number. The same body again changes nothing; a changed body
    /// replaces it (moving its list row when the date changed and its "referenced by" rows when its links changed).
    /// </summary>
    public async Task<DocumentView> UpsertAsync(CounterpartyScope scope, string type, string number, DocumentRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        DocumentNumbers.Validate(errors, "number", number);
        if (request.Status is { } status && !DocumentTypes.StatusesOf(type).Contains(status))
        {
            errors.Add("status", $"A document of type {type} is one of: {string.Join(", ", DocumentTypes.StatusesOf(type).Select(PortalJson.WireName))}.");
        }
        errors.ThrowIfAny();
        await accounts.GetCounterpartyAsync(scope.CounterpartyId, cancellationToken); // 404 for an unknown counterparty
        var currency = (await settings.GetAsync(cancellationToken)).Currency;
        var id = DocumentKeys.Id(scope.CounterpartyId, type, number);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{type}\n{number}\n{currency}\n{JsonSerializer.Serialize(request, PortalJson.Options)}")));

        var related = new List<RelatedRef>();
        foreach (var r in request.Related.DistinctBy(r => (r.Type, r.Number.Trim())))
        {
            var relatedNumber = r.Number.Trim();
            var relatedId = DocumentTypes.IsKnown(r.Type) ? DocumentKeys.Id(scope.CounterpartyId, r.Type, relatedNumber)
                : r.Type == DocumentTypes.Orders ? await orders.FindOrderIdAsync(scope, relatedNumber, cancellationToken)
                : r.Type == DocumentTypes.RmaRequests ? await rmaRequests.FindRmaIdAsync(scope, relatedNumber, cancellationToken)
                : null;
            related.Add(new RelatedRef(r.Type, relatedNumber, relatedId));
        }

        for (var attempt = 0; ; attempt++)
        {
            var old = await store.ReadAsync(scope, type, id, cancellationToken);
            if (old?.ContentHash == hash)
            {
                await ToLedgerAsync(scope, old, cancellationToken);
                return await GetAsync(scope, type, id, cancellationToken);
            }
            var document = NewEntity(scope, type, id, number, request, related, currency, hash);
            var change = store.NewChange(scope);
            if (old is null)
            {
                change.Add(document);
            }
            else
            {
                document.ETag = old.ETag;
                change.Replace(document);
            }
            change.Upsert(ListRow(document));
            if (old is not null && old.ListRowKey != document.ListRowKey)
            {
                change.Delete(old.ListRowKey);
            }
            var oldLinks = old is null ? [] : LinkedDocuments(JsonColumn.Read<RelatedRef>(old.Related), type, id);
            var newLinks = LinkedDocuments(related, type, id);
            foreach (var gone in oldLinks.Except(newLinks))
            {
                change.Delete(DocumentKeys.Backlink(gone.Type, gone.Id!, type, id));
            }
            foreach (var link in newLinks)
            {
                change.Upsert(new BacklinkEntity
                {
                    PartitionKey = scope.CounterpartyId, RowKey = DocumentKeys.Backlink(link.Type, link.Id!, type, id), Type = type, Number = number, Id = id,
                });
            }
            try
            {
                await store.SubmitAsync(change, cancellationToken);
                logger.LogInformation("Document {Type} {Number} of {Counterparty} saved", type, number, scope.CounterpartyId);
                await ToLedgerAsync(scope, document, cancellationToken);
                return await GetAsync(scope, type, id, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < 3)
            {
                // Someone saved the same document in the meantime: read it again and apply this body on top.
            }
        }
    }

    /// <summary>
    /// Many documents from one file (NDJSON), checked whole first: one bad line refuses the file. Each document is then
    /// saved by <see cref="UpsertAsync"/>, so sending the file again changes nothing; a failure midway leaves the
    /// documents before it saved, and sending the file again completes it.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Caller staff, IReadOnlyList<DocumentImport> documents, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var known = (await accounts.ListCounterpartiesAsync(cancellationToken)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var lineErrors = new ValidationErrors();
            documents[i].Validate(lineErrors);
            if (!lineErrors.IsEmpty)
            {
                errors.AddRange(lineErrors.ToDictionary().SelectMany(e => e.Value.Select(m => new ImportError(ImportReader.LineOf(documents, i), e.Key, m))));
            }
            else if (!known.Contains(documents[i].CounterpartyId))
            {
                errors.Add(new ImportError(ImportReader.LineOf(documents, i), "counterpartyId", $"No counterparty '{documents[i].CounterpartyId}'."));
            }
        }
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors);
        }
        foreach (var document in documents)
        {
            await UpsertAsync(staff.ScopeFor(document.CounterpartyId), document.Type, document.Number, document.Document, cancellationToken);
        }
        return new ImportResult(documents.Count, []);
    }

    /// <summary>The documents that name an RMA request (goods returns, credit notes…), by type and number: one range query.</summary>
    public async Task<IReadOnlyList<RelatedDocumentView>> ReferencesToRmaAsync(CounterpartyScope scope, string rmaId, CancellationToken cancellationToken)
    {
        var (_, backlinks) = await store.ReadExtrasAsync(scope, DocumentTypes.RmaRequests, rmaId, cancellationToken);
        return backlinks.OrderBy(b => b.Type).ThenBy(b => b.Number).Select(b => new RelatedDocumentView(b.Type, b.Number, b.Id)).ToList();
    }

    /// <summary>A shipment staff recorded on an order, as the goods issue document the customer reads. Safe to repeat.</summary>
    public Task<DocumentView> RecordGoodsIssueAsync(CounterpartyScope scope, string number, DateOnly date, string orderNumber,
        IReadOnlyList<DocumentLineRequest> lines, CancellationToken cancellationToken) =>
        UpsertAsync(scope, DocumentTypes.GoodsIssues, number, new DocumentRequest
        {
            Date = date,
            Lines = lines.ToList(),
            Related = [new RelatedDocumentRequest { Type = DocumentTypes.Orders, Number = orderNumber }],
        }, cancellationToken);

    /// <summary>A quotation to order from: its lines at the quoted prices. Expired or canceled ones are refused.</summary>
    public async Task<QuotationToOrder> QuotationToOrderAsync(CounterpartyScope scope, string id, CancellationToken cancellationToken)
    {
        var quotation = await store.ReadAsync(scope, DocumentTypes.Quotations, id, cancellationToken) ?? throw Problems.NotFound("The quotation");
        var today = Today();
        var validUntil = AsDate(quotation.ValidUntil);
        if (!DocumentRules.IsOrderable(quotation.Type, Enum.Parse<DocumentStatus>(quotation.Status), validUntil, today))
        {
            throw new PortalProblemException(409, Problems.TypeBase + "quotation-expired", "This quotation cannot be ordered from any more.",
                validUntil is { } until && until < today
                    ? $"It was valid until {until:yyyy-MM-dd}. Ask your supplier for a new one, or add the products to the cart yourself."
                    : "It was canceled. Ask your supplier for a new one, or add the products to the cart yourself.");
        }
        return new QuotationToOrder(quotation.DocumentId, quotation.Number, validUntil ?? DateOnly.MaxValue,
            LinesOf(quotation).Where(l => !string.IsNullOrEmpty(l.Sku) && l.Quantity > 0).ToList());
    }

    /// <summary>
    /// The customer confirms a reconciliation statement, or disputes it with a comment that staff then see. Once answered it
    /// stays answered (409 for the other answer); giving the same answer again changes nothing, and a retry after a crash
    /// still puts the dispute on the staff list. A statement the company re-issues with a changed body asks again.
    /// </summary>
    public async Task<DocumentView> RespondAsync(Caller caller, string id, DocumentStatus answer, string? comment, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        comment = comment?.Trim();
        for (var attempt = 0; ; attempt++)
        {
            var statement = await store.ReadAsync(scope, DocumentTypes.ReconciliationStatements, id, cancellationToken) ?? throw Problems.NotFound("The reconciliation statement");
            var status = Enum.Parse<DocumentStatus>(statement.Status);
            if (status == answer && (answer == DocumentStatus.Confirmed || statement.ResponseComment == comment))
            {
                await RecordDisputeAsync(caller, statement, cancellationToken);
                return await GetAsync(scope, DocumentTypes.ReconciliationStatements, id, cancellationToken);
            }
            if (status != DocumentStatus.Issued)
            {
                throw Problems.Conflict($"This statement was already {PortalJson.WireName(status)} on {statement.RespondedAt:yyyy-MM-dd} by {statement.RespondedBy}.");
            }
            statement.Status = answer.ToString();
            statement.ResponseComment = answer == DocumentStatus.Disputed ? comment : null;
            statement.RespondedAt = clock.GetUtcNow();
            statement.RespondedBy = caller.Username;
            var list = ListRow(statement);
            list.ResponseComment = statement.ResponseComment;
            list.RespondedAt = statement.RespondedAt;
            list.RespondedBy = statement.RespondedBy;
            try
            {
                await store.SubmitAsync(store.NewChange(scope).Replace(statement).Upsert(list), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < 3)
            {
                continue; // Changed in the meantime (re-issued, or answered in another tab): look again.
            }
            logger.LogInformation("Reconciliation statement {Number} of {Counterparty} {Answer} by {Username}", statement.Number, scope.CounterpartyId, answer,
                caller.Username);
            await RecordDisputeAsync(caller, statement, cancellationToken);
            return await GetAsync(scope, DocumentTypes.ReconciliationStatements, id, cancellationToken);
        }
    }

    /// <summary>Disputed reconciliation statements of every counterparty, newest first, for staff.</summary>
    public async Task<ItemList<ReconciliationDisputeView>> ListDisputesAsync(CancellationToken cancellationToken) =>
        new((await store.ListDisputesAsync(cancellationToken)).OrderByDescending(d => d.At)
            .Select(d => new ReconciliationDisputeView(d.CounterpartyId, d.CounterpartyName, d.DocumentId, d.Number, AsDate(d.PeriodFrom), AsDate(d.PeriodTo),
                d.Comment, d.By, d.At)).ToList());

    private async Task RecordDisputeAsync(Caller caller, DocumentEntity statement, CancellationToken cancellationToken)
    {
        if (statement.Status != nameof(DocumentStatus.Disputed))
        {
            return;
        }
        var scope = caller.Scope();
        var name = (await accounts.GetCounterpartyAsync(scope.CounterpartyId, cancellationToken)).Name;
        await store.UpsertDisputeAsync(new DisputeEntity
        {
            PartitionKey = DocumentKeys.DisputesPartition, RowKey = DocumentKeys.Dispute(scope.CounterpartyId, statement.DocumentId), CounterpartyId = scope.CounterpartyId,
            CounterpartyName = name, DocumentId = statement.DocumentId, Number = statement.Number, PeriodFrom = statement.PeriodFrom, PeriodTo = statement.PeriodTo,
            Comment = statement.ResponseComment ?? "", By = statement.RespondedBy ?? "", At = statement.RespondedAt ?? clock.GetUtcNow(),
        }, cancellationToken);
        await disputes.OpenAsync(caller, statement.DocumentId, statement.Number, statement.ResponseComment ?? "", cancellationToken);
    }

    /// <summary>Invoices and credit notes also count in the ledger.</summary>
    private Task ToLedgerAsync(CounterpartyScope scope, DocumentEntity d, CancellationToken cancellationToken) =>
        d.Type is DocumentTypes.Invoices or DocumentTypes.CreditNotes
            ? ledger.RecordAsync(scope, new LedgerDocument(d.Type, d.DocumentId, d.Number, DateOnly.FromDateTime(d.Date), AsDate(d.DueDate),
                Enum.Parse<DocumentStatus>(d.Status), Money.Read(d.Total), JsonColumn.Read<RelatedRef>(d.Related)), cancellationToken)
            : Task.CompletedTask;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string? Filter(string type, DocumentQuery query, DateOnly today)
    {
        var parts = new List<string>();
        if (query.Status is { } status)
        {
            parts.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }
        if (query.Overdue == true)
        {
            var due = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            parts.Add(TableClient.CreateQueryFilter($"(Status eq {nameof(DocumentStatus.Unpaid)} or Status eq {nameof(DocumentStatus.PartiallyPaid)}) and DueDate lt {due}"));
        }
        if (!string.IsNullOrWhiteSpace(query.Number))
        {
            var prefix = query.Number.Trim();
            parts.Add(TableClient.CreateQueryFilter($"Number ge {prefix} and Number lt {prefix + "~"}"));
        }
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private static DocumentEntity NewEntity(CounterpartyScope scope, string type, string id, string number, DocumentRequest request, List<RelatedRef> related,
        string currency, string hash)
    {
        var lines = request.Lines.Select(l => new DocumentLine(string.IsNullOrWhiteSpace(l.Sku) ? null : l.Sku.Trim(), l.Name.Trim(), l.Unit?.Trim(), l.Quantity,
            l.UnitPrice, l.LineTotal ?? Money.LineTotal(l.UnitPrice ?? 0m, l.Quantity))).ToList();
        var stored = CompressedJsonColumn.Write(lines)
                     ?? throw Problems.Validation("lines", "The lines are too long to store; split the document or shorten the names.");
        var chunk = (int i) => stored.Chunks.Length > i ? stored.Chunks[i] : null;
        static DateTime? Utc(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new DocumentEntity
        {
            PartitionKey = scope.CounterpartyId,
            RowKey = DocumentKeys.Document(type, id),
            DocumentId = id,
            Number = number,
            Date = request.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ListRowKey = DocumentKeys.List(type, request.Date, id),
            Type = type,
            Status = (request.Status ?? DocumentTypes.StatusesOf(type)[0]).ToString(),
            DueDate = Utc(request.DueDate),
            ValidUntil = Utc(request.ValidUntil),
            PeriodFrom = Utc(request.PeriodFrom),
            PeriodTo = Utc(request.PeriodTo),
            Total = Money.Store(request.Total ?? lines.Sum(l => l.LineTotal)),
            TaxTotal = request.TaxTotal is { } tax ? Money.Store(tax) : null,
            Currency = currency,
            LineCount = lines.Count,
            LinesJson = stored.Json,
            LinesGzip1 = chunk(0),
            LinesGzip2 = chunk(1),
            LinesGzip3 = chunk(2),
            LinesGzip4 = chunk(3),
            Related = JsonColumn.Write(related),
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            ContentHash = hash,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>The list row: the document without its lines, so a page of 100 stays small.</summary>
    private static DocumentEntity ListRow(DocumentEntity d) => new()
    {
        PartitionKey = d.PartitionKey, RowKey = d.ListRowKey, DocumentId = d.DocumentId, Number = d.Number, Date = d.Date, ListRowKey = d.ListRowKey,
        Type = d.Type, Status = d.Status, DueDate = d.DueDate, ValidUntil = d.ValidUntil, PeriodFrom = d.PeriodFrom, PeriodTo = d.PeriodTo, Total = d.Total,
        TaxTotal = d.TaxTotal, Currency = d.Currency, LineCount = d.LineCount, Related = d.Related, Notes = null, ContentHash = d.ContentHash, UpdatedAt = d.UpdatedAt,
    };

    /// <summary>
    /// The other documents and the RMA requests this one names: each gets a "referenced by" row beside it, so an RMA
    /// request's page lists the goods returns and credit notes that came of it with one range query. Orders keep none.
    /// </summary>
    private static HashSet<RelatedRef> LinkedDocuments(IEnumerable<RelatedRef> related, string type, string id) =>
        related.Where(r => (DocumentTypes.IsKnown(r.Type) || r.Type == DocumentTypes.RmaRequests) && r.Id is not null && !(r.Type == type && r.Id == id)).ToHashSet();

    internal static List<DocumentLine> LinesOf(DocumentEntity d) => CompressedJsonColumn.Read<DocumentLine>(d.LinesJson, d.LinesGzip1, d.LinesGzip2, d.LinesGzip3, d.LinesGzip4);

    private static DateOnly? AsDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static string Words(DocumentStatus status) => string.Concat(PortalJson.WireName(status).Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private static DocumentSummaryView ToSummary(DocumentEntity d, DateOnly today)
    {
        var status = Enum.Parse<DocumentStatus>(d.Status);
        return new DocumentSummaryView(d.DocumentId, d.Type, d.Number, DateOnly.FromDateTime(d.Date), status, AsDate(d.DueDate),
            DocumentRules.IsOverdue(d.Type, status, AsDate(d.DueDate), today), AsDate(d.ValidUntil), DocumentRules.IsExpired(d.Type, AsDate(d.ValidUntil), today),
            new Money(Money.Read(d.Total), d.Currency), d.LineCount, Related(d));
    }

    private static IReadOnlyList<RelatedDocumentView> Related(DocumentEntity d) =>
        JsonColumn.Read<RelatedRef>(d.Related).Select(r => new RelatedDocumentView(r.Type, r.Number, r.Id)).ToList();

    private static DocumentView ToView(DocumentEntity d, DocumentFileEntity? file, IReadOnlyList<BacklinkEntity> backlinks, DateOnly today)
    {
        var status = Enum.Parse<DocumentStatus>(d.Status);
        var money = (decimal amount) => new Money(amount, d.Currency);
        return new DocumentView(d.DocumentId, d.Type, d.Number, DateOnly.FromDateTime(d.Date), status, AsDate(d.DueDate),
            DocumentRules.IsOverdue(d.Type, status, AsDate(d.DueDate), today), AsDate(d.ValidUntil), DocumentRules.IsExpired(d.Type, AsDate(d.ValidUntil), today),
            DocumentRules.IsOrderable(d.Type, status, AsDate(d.ValidUntil), today), AsDate(d.PeriodFrom), AsDate(d.PeriodTo),
            LinesOf(d).Select(l => new DocumentLineView(l.Sku, l.Name, l.Unit, l.Quantity, l.UnitPrice is { } p ? money(p) : null, money(l.LineTotal))).ToList(),
            money(Money.Read(d.Total)), d.TaxTotal is { } tax ? money(Money.Read(tax)) : null, d.Notes, Related(d),
            backlinks.OrderBy(b => b.Type).ThenBy(b => b.Number).Select(b => new RelatedDocumentView(b.Type, b.Number, b.Id)).ToList(),
            file is null ? null : new DocumentFileView($"{d.Number}.{file.Extension}", file.ContentType, file.Size, file.UploadedAt),
            d.RespondedAt is { } at ? new ReconciliationResponseView(status, d.ResponseComment, at, d.RespondedBy ?? "") : null);
    }
}

/// <summary>What a list asks for: dates, status, only overdue invoices, a number (or its beginning).</summary>
public sealed record DocumentQuery(DateOnly? From, DateOnly? To, DocumentStatus? Status, bool? Overdue, string? Number);

/// <summary>A quotation's lines at the quoted prices, for the cart.</summary>
public sealed record QuotationToOrder(string Id, string Number, DateOnly ValidUntil, IReadOnlyList<DocumentLine> Lines);
