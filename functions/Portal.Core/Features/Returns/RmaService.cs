using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Catalog;
using Portal.Core.Features.Documents;
using Portal.Core.Shared;
using Portal.Core.Shared.Events;
using Portal.Core.Shared.Files;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Returns;

/// <summary>
/// RMA requests: customers draft them against their invoices, attach photos and send them; the supplier's staff (or
/// the ERP) accept, reject and complete them and publish the goods return and credit note that come of them. Every
/// transition is one entity-group transaction in the counterparty's partition with its outbox event; sending and
/// rejecting also change the invoice's claims row, so the returnable quantity holds however many requests race.
/// </summary>
public sealed class RmaService(
    ReturnsStore store,
    DocumentService documents,
    CatalogService catalog,
    AccountService accounts,
    Attachments attachments,
    OutboxDispatcher outbox,
    TimeProvider clock,
    ILogger<RmaService> logger)
{
    public static readonly AttachmentPolicy FilePolicy = AttachmentPolicy.ImagesAndPdf;

    /// <summary>How often a send or a decision is re-read and re-checked after losing a race before giving up.</summary>
    private const int MaxAttempts = 40;

    // Customer side.

    public Task<ListPage<RmaSummaryView>> ListAsync(CounterpartyScope scope, bool drafts, string? continuation, int? pageSize, CancellationToken cancellationToken) =>
        store.ListAsync(scope, drafts, continuation, pageSize, ToSummary, cancellationToken);

    public async Task<RmaView> GetAsync(CounterpartyScope scope, string rmaId, CancellationToken cancellationToken)
    {
        var rmaTask = store.ReadRmaAsync(scope, rmaId, cancellationToken);
        var documentsTask = TableKeys.IsSafe(rmaId)
            ? documents.ReferencesToRmaAsync(scope, rmaId, cancellationToken)
            : Task.FromResult<IReadOnlyList<RelatedDocumentView>>([]);
        var rma = await rmaTask ?? throw Problems.NotFound("The RMA request");
        return ToView(rma, await documentsTask);
    }

    /// <summary>An invoice's lines with what can still be returned of each: what the create form shows.</summary>
    public async Task<ReturnableInvoiceView> ReturnableAsync(Caller caller, string invoiceId, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        var invoiceTask = LoadInvoiceAsync(caller, invoiceId, cancellationToken);
        var claimsTask = store.ReadClaimsAsync(scope, invoiceId, cancellationToken);
        var (invoice, lines) = await invoiceTask;
        var claimed = Returnable.Claimed(JsonColumn.Read<RmaClaim>((await claimsTask).Claims));
        return new ReturnableInvoiceView(invoice.Id, invoice.Number, invoice.Date, invoice.Status, lines.Select(l =>
        {
            var used = claimed.GetValueOrDefault(l.LineNumber);
            var price = invoice.Lines[l.LineNumber - 1].UnitPrice;
            return new ReturnableLineView(l.LineNumber, l.Sku, l.Name, l.Unit, l.Invoiced, used, Returnable.Left(l.Invoiced, used), l.Precision, price);
        }).ToList());
    }

    /// <summary>A new draft. Its quantities are checked against what other requests claim, but a draft reserves nothing until it is sent.</summary>
    public async Task<(RmaView View, bool Created)> CreateAsync(Caller caller, RmaRequestBody body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        var (rmaId, created) = await store.CreateOnceAsync(scope, caller.UserId, idempotencyKey, ["rma-request", JsonSerializer.Serialize(body, PortalJson.Options)],
            async ct =>
            {
                var (invoice, lines) = await CheckAsync(caller, body, null, ct);
                var now = clock.GetUtcNow();
                var number = RmaNumbers.Format(await store.ReserveNumberAsync(ct));
                var id = Guid.NewGuid().ToString("N");
                var rma = new RmaEntity
                {
                    PartitionKey = scope.CounterpartyId,
                    RowKey = ReturnsKeys.Rma(id),
                    RmaId = id,
                    Number = number,
                    Status = nameof(RmaStatus.Draft),
                    CreatedByUserId = caller.UserId,
                    CreatedBy = caller.Username,
                    CreatedAt = now,
                    ListRowKey = ReturnsKeys.List(now, id),
                    History = JsonColumn.Write([new RmaStatusChange(nameof(RmaStatus.Draft), now, caller.Username)]),
                };
                Fill(rma, body, invoice, lines, now);
                var change = store.NewChange(scope).Add(rma).Add(ListRowOf(rma))
                    .Add(new RmaNumberEntity { PartitionKey = scope.CounterpartyId, RowKey = ReturnsKeys.RmaNumber(number), RmaId = id });
                return (change, id, id);
            },
            (id, _) => Task.FromResult(id),
            cancellationToken);
        if (created)
        {
            logger.LogInformation("RMA request {RmaId} drafted by {Username}", rmaId, caller.Username);
        }
        return (await GetAsync(scope, rmaId, cancellationToken), created);
    }

    /// <summary>Replaces a draft's content; <paramref name="ifMatch"/> is the version the customer edited.</summary>
    public async Task<RmaView> UpdateAsync(Caller caller, string rmaId, RmaRequestBody body, string ifMatch, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        var rma = await ReadAsync(scope, rmaId, cancellationToken);
        RmaLifecycle.EnsureEditable(StatusOf(rma));
        EnsureVersion(rma, ifMatch);
        var (invoice, lines) = await CheckAsync(caller, body, rma.RmaId, cancellationToken);
        Fill(rma, body, invoice, lines, clock.GetUtcNow());
        await SubmitGuardedAsync(store.NewChange(scope).Replace(rma).Upsert(ListRowOf(rma)), cancellationToken);
        return await GetAsync(scope, rmaId, cancellationToken);
    }

    /// <summary>Deletes a draft, its number and its files. Sent requests stay.</summary>
    public async Task DeleteAsync(Caller caller, string rmaId, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        var rma = await ReadAsync(scope, rmaId, cancellationToken);
        RmaLifecycle.EnsureEditable(StatusOf(rma));
        await SubmitGuardedAsync(store.NewChange(scope).Delete(rma).Delete(rma.ListRowKey).Delete(ReturnsKeys.RmaNumber(rma.Number)), cancellationToken);
        foreach (var file in JsonColumn.Read<StoredAttachment>(rma.Attachments))
        {
            await attachments.DeleteAsync(scope, Owner(rma.RmaId), file.Id, cancellationToken);
        }
        logger.LogInformation("RMA draft {Number} deleted by {Username}", rma.Number, caller.Username);
    }

    /// <summary>
    /// Sends a draft: from now on it is read-only, and its quantities are claimed from the invoice. The claims row,
    /// the request and the event change in one transaction; losing a race (409/412) means reading both again and
    /// checking again, so two requests for the last units never both succeed. Sending again changes nothing.
    /// </summary>
    public async Task<RmaView> SendAsync(Caller caller, string rmaId, string? ifMatch, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var rma = await ReadAsync(scope, rmaId, cancellationToken);
            var current = StatusOf(rma);
            if (RmaLifecycle.Next(current, RmaAction.Send) == current)
            {
                return await GetAsync(scope, rmaId, cancellationToken); // Already sent: a retry.
            }
            if (attempt == 0 && ifMatch is not null)
            {
                EnsureVersion(rma, ifMatch);
            }
            var (_, invoiceLines) = await LoadInvoiceAsync(caller, rma.InvoiceId, cancellationToken);
            var claims = await store.ReadClaimsAsync(scope, rma.InvoiceId, cancellationToken);
            var existing = JsonColumn.Read<RmaClaim>(claims.Claims);
            var lines = JsonColumn.Read<RmaLine>(rma.Lines);
            var errors = new ValidationErrors();
            Returnable.Check(errors, invoiceLines, lines.Select(l => new RequestedLine(l.LineNumber, l.Quantity)).ToList(), Returnable.Claimed(existing, rma.RmaId));
            if (!errors.IsEmpty)
            {
                throw new PortalProblemException(409, Problems.TypeBase + "returnable-quantity-exceeded", "More than can still be returned.",
                    "Other RMA requests for this invoice were sent in the meantime. Change the quantities of this draft and send it again.", errors.ToDictionary());
            }
            var now = clock.GetUtcNow();
            claims.Claims = JsonColumn.Write(Returnable.WithClaim(existing, rma.RmaId, lines));
            rma.SentAt = now;
            SetStatus(rma, RmaStatus.Sent, now, caller.Username, null);
            var change = ReturnsStore.PutClaims(store.NewChange(scope).Replace(rma).Upsert(ListRowOf(rma)), claims)
                .AddEvent(EventId(rma, "RmaSent"), "RmaSent", now, EventOf(rma));
            if (await TrySubmitAsync(change, attempt, cancellationToken))
            {
                await outbox.RequestDispatchAsync(ReturnsTables.Returns, scope.CounterpartyId, cancellationToken);
                logger.LogInformation("RMA request {Number} sent by {Username}", rma.Number, caller.Username);
                return await GetAsync(scope, rmaId, cancellationToken);
            }
        }
        throw Problems.Conflict("The RMA request or its invoice keeps changing; try again.");
    }

    /// <summary>Adds a file to a draft. A retry with the same Idempotency-Key answers with the same file.</summary>
    public async Task<(AttachmentView File, bool Created)> AddAttachmentAsync(Caller caller, string rmaId, IncomingFile file, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        var rma = await ReadAsync(scope, rmaId, cancellationToken);
        var id = Attachments.IdFor(scope, Owner(rma.RmaId), idempotencyKey);
        if (JsonColumn.Read<StoredAttachment>(rma.Attachments).FirstOrDefault(a => a.Id == id) is { } already)
        {
            return (AttachmentView.Of(already), false);
        }
        EnsureRoomForFile(rma);
        var stored = await attachments.SaveAsync(scope, Owner(rma.RmaId), id, file, caller.Username, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            if (attempt == MaxAttempts)
            {
                throw Problems.Conflict("The RMA request keeps changing; try again.");
            }
            var list = JsonColumn.Read<StoredAttachment>(rma.Attachments);
            if (list.FirstOrDefault(a => a.Id == id) is { } recorded)
            {
                return (AttachmentView.Of(recorded), false);
            }
            try
            {
                EnsureRoomForFile(rma);
            }
            catch
            {
                await attachments.DeleteAsync(scope, Owner(rma.RmaId), id, cancellationToken);
                throw;
            }
            rma.Attachments = JsonColumn.Write(list.Append(stored));
            rma.UpdatedAt = clock.GetUtcNow();
            if (await TrySubmitAsync(store.NewChange(scope).Replace(rma).Upsert(ListRowOf(rma)), attempt, cancellationToken))
            {
                return (AttachmentView.Of(stored), true);
            }
            rma = await ReadAsync(scope, rmaId, cancellationToken);
        }
    }

    public async Task<Uri> AttachmentLinkAsync(CounterpartyScope scope, string rmaId, string attachmentId, CancellationToken cancellationToken)
    {
        var rma = await ReadAsync(scope, rmaId, cancellationToken);
        var file = JsonColumn.Read<StoredAttachment>(rma.Attachments).FirstOrDefault(a => a.Id == attachmentId) ?? throw Problems.NotFound("The file");
        return await attachments.LinkAsync(scope, Owner(rma.RmaId), file, cancellationToken);
    }

    public async Task DeleteAttachmentAsync(Caller caller, string rmaId, string attachmentId, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        var rma = await ReadAsync(scope, rmaId, cancellationToken);
        var list = JsonColumn.Read<StoredAttachment>(rma.Attachments);
        if (list.All(a => a.Id != attachmentId))
        {
            throw Problems.NotFound("The file");
        }
        RmaLifecycle.EnsureEditable(StatusOf(rma));
        rma.Attachments = JsonColumn.Write(list.Where(a => a.Id != attachmentId));
        rma.UpdatedAt = clock.GetUtcNow();
        await SubmitGuardedAsync(store.NewChange(scope).Replace(rma).Upsert(ListRowOf(rma)), cancellationToken);
        await attachments.DeleteAsync(scope, Owner(rma.RmaId), attachmentId, cancellationToken);
    }

    // Company side.

    /// <summary>
    /// The RMA desk: sent requests of one counterparty, or of each, requests waiting for a decision first, then those
    /// in progress, then the closed ones; newest first within each. Drafts are the customers' own and not listed.
    /// </summary>
    public async Task<ItemList<StaffRmaSummaryView>> ListForStaffAsync(Caller staff, string? counterpartyId, RmaStatus? status, CancellationToken cancellationToken)
    {
        var counterparties = string.IsNullOrEmpty(counterpartyId)
            ? await accounts.ListCounterpartiesAsync(cancellationToken)
            : [await accounts.GetCounterpartyAsync(counterpartyId, cancellationToken)];
        var items = new List<StaffRmaSummaryView>();
        foreach (var counterparty in counterparties)
        {
            var rows = await store.AllSentAsync(staff.ScopeFor(counterparty.Id), cancellationToken);
            items.AddRange(rows.Select(ToSummary).Where(r => status is null || r.Status == status).Select(r => new StaffRmaSummaryView(counterparty.Id, counterparty.Name, r)));
        }
        return new ItemList<StaffRmaSummaryView>(items
            .OrderBy(i => i.Rma.Status switch { RmaStatus.Sent => 0, RmaStatus.InProgress => 1, _ => 2 })
            .ThenByDescending(i => i.Rma.SentAt ?? i.Rma.CreatedAt)
            .ToList());
    }

    /// <summary>Takes the request on with a resolution and an expected date (In progress). Accepting again changes nothing.</summary>
    public Task<RmaView> AcceptAsync(CounterpartyScope scope, string rmaId, AcceptRmaRequest body, string by, string? ifMatch, CancellationToken cancellationToken) =>
        TransitionAsync(scope, rmaId, RmaAction.Accept, by, "RmaAccepted", ifMatch, (rma, now) =>
        {
            rma.Resolution = body.Resolution.ToString();
            rma.ExpectedDate = Utc(body.ExpectedDate);
            return Note(body.Note, $"Resolution: {Words(body.Resolution)}; expected {body.ExpectedDate:yyyy-MM-dd}");
        }, cancellationToken);

    /// <summary>Rejects the request with a reason; its quantities can be asked for again. Rejecting again changes nothing.</summary>
    public Task<RmaView> RejectAsync(CounterpartyScope scope, string rmaId, RejectRmaRequest body, string by, string? ifMatch, CancellationToken cancellationToken) =>
        TransitionAsync(scope, rmaId, RmaAction.Reject, by, "RmaRejected", ifMatch, (rma, _) =>
        {
            rma.RejectionReason = body.Reason.Trim();
            return rma.RejectionReason;
        }, cancellationToken);

    public Task<RmaView> CompleteAsync(CounterpartyScope scope, string rmaId, string by, string? ifMatch, CancellationToken cancellationToken) =>
        TransitionAsync(scope, rmaId, RmaAction.Complete, by, "RmaCompleted", ifMatch, (_, _) => null, cancellationToken);

    /// <summary>Moves the promised date of a request in progress; the same date again changes nothing.</summary>
    public async Task<RmaView> ChangeExpectedDateAsync(CounterpartyScope scope, string rmaId, RmaExpectedDateRequest body, string by, string? ifMatch,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var rma = await ReadAsync(scope, rmaId, cancellationToken);
            EnsureVersionAsRead(rma, ifMatch, attempt);
            RmaLifecycle.EnsureExpectedDateChangeable(StatusOf(rma));
            if (rma.ExpectedDate is { } date && DateOnly.FromDateTime(date) == body.ExpectedDate)
            {
                return await GetAsync(scope, rmaId, cancellationToken);
            }
            var now = clock.GetUtcNow();
            rma.ExpectedDate = Utc(body.ExpectedDate);
            rma.UpdatedAt = now;
            rma.History = JsonColumn.Write(JsonColumn.Read<RmaStatusChange>(rma.History)
                .Append(new RmaStatusChange(rma.Status, now, by, Note(body.Note, $"Expected date changed to {body.ExpectedDate:yyyy-MM-dd}"))));
            // Not a transition, but the ERP plans around the date: one event per change, named by its place in the history.
            var change = store.NewChange(scope).Replace(rma).Upsert(ListRowOf(rma))
                .AddEvent(StableId.From("rma-event", rma.PartitionKey, rma.RmaId, "RmaExpectedDateChanged",
                    JsonColumn.Read<RmaStatusChange>(rma.History).Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    "RmaExpectedDateChanged", now, EventOf(rma));
            if (await TrySubmitAsync(change, attempt, cancellationToken))
            {
                await outbox.RequestDispatchAsync(ReturnsTables.Returns, scope.CounterpartyId, cancellationToken);
                return await GetAsync(scope, rmaId, cancellationToken);
            }
        }
        throw Problems.Conflict("The RMA request keeps changing; try again.");
    }

    /// <summary>
    /// Publishes the goods return or credit note that comes of an accepted request, as a document naming the request
    /// and its invoice, through the documents' own upsert: the same number and body again change nothing.
    /// </summary>
    public async Task<RmaView> PublishDocumentAsync(CounterpartyScope scope, string rmaId, PublishRmaDocumentRequest body, string? ifMatch,
        CancellationToken cancellationToken)
    {
        var rma = await ReadAsync(scope, rmaId, cancellationToken);
        EnsureVersionAsRead(rma, ifMatch, 0);
        if (StatusOf(rma) is not (RmaStatus.InProgress or RmaStatus.Completed))
        {
            throw Problems.Conflict($"Documents come of accepted RMA requests; this one is {RmaLifecycle.Describe(StatusOf(rma))}.");
        }
        var rmaLines = JsonColumn.Read<RmaLine>(rma.Lines);
        var errors = new ValidationErrors();
        var lines = new List<DocumentLineRequest>();
        foreach (var (line, i) in (body.Lines ?? rmaLines.Select(l => new RmaDocumentLineRequest { LineNumber = l.LineNumber, Quantity = l.Quantity, UnitPrice = l.UnitPrice }).ToList())
                 .Select((l, i) => (l, i)))
        {
            var returned = rmaLines.FirstOrDefault(l => l.LineNumber == line.LineNumber);
            if (returned is null)
            {
                errors.Add($"lines[{i}].lineNumber", "The RMA request has no such line.");
            }
            else if (line.Quantity > returned.Quantity)
            {
                errors.Add($"lines[{i}].quantity", $"The request returns {returned.Quantity} {returned.Unit ?? "units"} of this line.");
            }
            else
            {
                lines.Add(new DocumentLineRequest { Sku = returned.Sku, Name = returned.Name, Unit = returned.Unit, Quantity = line.Quantity, UnitPrice = line.UnitPrice ?? returned.UnitPrice });
            }
        }
        errors.ThrowIfAny();
        await documents.UpsertAsync(scope, body.Type, body.Number.Trim(), new DocumentRequest
        {
            Date = body.Date,
            Lines = lines,
            Notes = string.IsNullOrWhiteSpace(body.Notes) ? null : body.Notes.Trim(),
            Related =
            [
                new RelatedDocumentRequest { Type = DocumentTypes.RmaRequests, Number = rma.Number },
                new RelatedDocumentRequest { Type = DocumentTypes.Invoices, Number = rma.InvoiceNumber },
            ],
        }, cancellationToken);
        logger.LogInformation("{Type} {Number} published for RMA request {Rma}", body.Type, body.Number, rma.Number);
        // The lists show the processing status: remember what was published (the documents themselves are found by their links).
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (body.Type == DocumentTypes.GoodsReturns ? rma.GoodsReceived : rma.RefundApproved)
            {
                break;
            }
            rma.GoodsReceived |= body.Type == DocumentTypes.GoodsReturns;
            rma.RefundApproved |= body.Type == DocumentTypes.CreditNotes;
            rma.UpdatedAt = clock.GetUtcNow();
            if (await TrySubmitAsync(store.NewChange(scope).Replace(rma).Upsert(ListRowOf(rma)), attempt, cancellationToken))
            {
                break;
            }
            rma = await ReadAsync(scope, rmaId, cancellationToken);
        }
        return await GetAsync(scope, rmaId, cancellationToken);
    }

    // The work around the rules.

    private async Task<RmaView> TransitionAsync(CounterpartyScope scope, string rmaId, RmaAction action, string by, string eventType, string? ifMatch,
        Func<RmaEntity, DateTimeOffset, string?> apply, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var rma = await ReadAsync(scope, rmaId, cancellationToken);
            EnsureVersionAsRead(rma, ifMatch, attempt);
            var current = StatusOf(rma);
            var next = RmaLifecycle.Next(current, action);
            if (next == current)
            {
                return await GetAsync(scope, rmaId, cancellationToken); // Already done: a retry.
            }
            var now = clock.GetUtcNow();
            var note = apply(rma, now);
            SetStatus(rma, next, now, by, note);
            var change = store.NewChange(scope).Replace(rma).Upsert(ListRowOf(rma));
            if (RmaLifecycle.Claims(current) && !RmaLifecycle.Claims(next))
            {
                // A rejected request frees what it claimed, in the same transaction as the status change.
                var claims = await store.ReadClaimsAsync(scope, rma.InvoiceId, cancellationToken);
                claims.Claims = JsonColumn.Write(Returnable.WithoutClaim(JsonColumn.Read<RmaClaim>(claims.Claims), rma.RmaId));
                ReturnsStore.PutClaims(change, claims);
            }
            change.AddEvent(EventId(rma, eventType), eventType, now, EventOf(rma));
            if (await TrySubmitAsync(change, attempt, cancellationToken))
            {
                await outbox.RequestDispatchAsync(ReturnsTables.Returns, scope.CounterpartyId, cancellationToken);
                logger.LogInformation("RMA request {Number} is now {Status}", rma.Number, rma.Status);
                return await GetAsync(scope, rmaId, cancellationToken);
            }
        }
        throw Problems.Conflict("The RMA request keeps changing; try again.");
    }

    /// <summary>The invoice, read as its customer may read it (404 for anyone else's), and its lines for the arithmetic.</summary>
    private async Task<(DocumentView Invoice, List<InvoiceLineToReturn> Lines)> LoadInvoiceAsync(Caller caller, string invoiceId, CancellationToken cancellationToken)
    {
        DocumentView invoice;
        try
        {
            invoice = await documents.GetAsync(caller.Scope(), DocumentTypes.Invoices, invoiceId, cancellationToken);
        }
        catch (PortalProblemException ex) when (ex.Status == 404)
        {
            throw Problems.NotFound("The invoice");
        }
        var products = (await catalog.LookupOrderableAsync(caller, cancellationToken)).Snapshot.ProductsBySku;
        var lines = invoice.Lines.Select((l, i) => new InvoiceLineToReturn(i + 1, l.Sku, l.Name, l.Unit, Math.Max(0m, l.Quantity),
            l.Sku is not null && products.TryGetValue(l.Sku, out var product) ? product.UnitPrecision : Returnable.PrecisionOf(l.Quantity))).ToList();
        return (invoice, lines);
    }

    /// <summary>The invoice is the caller's and not canceled; each line exists, respects its unit and is within what others have not claimed.</summary>
    private async Task<(DocumentView Invoice, List<InvoiceLineToReturn> Lines)> CheckAsync(Caller caller, RmaRequestBody body, string? rmaId,
        CancellationToken cancellationToken)
    {
        var invoiceId = body.InvoiceId.Trim();
        var claimsTask = store.ReadClaimsAsync(caller.Scope(), invoiceId, cancellationToken);
        var (invoice, lines) = await LoadInvoiceAsync(caller, invoiceId, cancellationToken);
        var errors = new ValidationErrors();
        if (invoice.Status == DocumentStatus.Canceled)
        {
            errors.Add("invoiceId", "This invoice was canceled; nothing can be returned from it.");
            errors.ThrowIfAny();
        }
        Returnable.Check(errors, lines, body.Lines.Select(l => new RequestedLine(l.LineNumber, l.Quantity)).ToList(),
            Returnable.Claimed(JsonColumn.Read<RmaClaim>((await claimsTask).Claims), rmaId));
        errors.ThrowIfAny();
        return (invoice, lines);
    }

    private static void Fill(RmaEntity rma, RmaRequestBody body, DocumentView invoice, List<InvoiceLineToReturn> lines, DateTimeOffset now)
    {
        rma.InvoiceId = invoice.Id;
        rma.InvoiceNumber = invoice.Number;
        rma.InvoiceDate = invoice.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        rma.Currency = invoice.Total.Currency;
        rma.Lines = JsonColumn.Write(body.Lines.Select(l =>
        {
            var line = lines[l.LineNumber - 1];
            return new RmaLine(line.LineNumber, line.Sku, line.Name, line.Unit, l.Quantity, invoice.Lines[l.LineNumber - 1].UnitPrice?.Amount);
        }));
        rma.Reason = body.Reason.ToString();
        rma.Description = body.Description.Trim();
        rma.PreferredResolution = body.PreferredResolution?.ToString();
        rma.UpdatedAt = now;
    }

    private void EnsureRoomForFile(RmaEntity rma)
    {
        RmaLifecycle.EnsureEditable(StatusOf(rma));
        if (JsonColumn.Read<StoredAttachment>(rma.Attachments).Count >= FilePolicy.MaxFiles)
        {
            throw Problems.Validation("file", $"An RMA request takes at most {FilePolicy.MaxFiles} files; remove one first.");
        }
    }

    /// <summary>
    /// A clerk's decision names the version the desk showed (If-Match): 412 when the request changed since, so the page
    /// can show what another clerk or the ERP did instead of deciding over it. Only the first read is checked; a lost
    /// race after it is this service's own retry. Without the header (the ERP) the decision applies to the latest.
    /// </summary>
    private static void EnsureVersionAsRead(RmaEntity rma, string? ifMatch, int attempt)
    {
        if (attempt == 0 && ifMatch is not null)
        {
            EnsureVersion(rma, ifMatch);
        }
    }

    private static void EnsureVersion(RmaEntity rma, string ifMatch)
    {
        if (ifMatch != "*" && ifMatch != rma.ETag.ToString())
        {
            throw Problems.PreconditionFailed();
        }
    }

    /// <summary>Submits a change guarded by ETags; a lost race is the caller's to retry (412).</summary>
    private async Task SubmitGuardedAsync(EntityGroup change, CancellationToken cancellationToken)
    {
        try
        {
            await store.SubmitAsync(change, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            throw Problems.PreconditionFailed();
        }
    }

    /// <summary>True when committed; false when another change won the race (the caller reads again and re-checks).</summary>
    private async Task<bool> TrySubmitAsync(EntityGroup change, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await store.SubmitAsync(change, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            await Task.Delay(Random.Shared.Next(1, 10 + Math.Min(attempt, 10) * 10), cancellationToken);
            return false;
        }
    }

    private async Task<RmaEntity> ReadAsync(CounterpartyScope scope, string rmaId, CancellationToken cancellationToken) =>
        await store.ReadRmaAsync(scope, rmaId, cancellationToken) ?? throw Problems.NotFound("The RMA request");

    private static void SetStatus(RmaEntity rma, RmaStatus next, DateTimeOffset now, string by, string? note)
    {
        rma.History = JsonColumn.Write(JsonColumn.Read<RmaStatusChange>(rma.History).Append(new RmaStatusChange(next.ToString(), now, by, note)));
        rma.Status = next.ToString();
        rma.UpdatedAt = now;
    }

    private static string Owner(string rmaId) => "rma-requests/" + rmaId;

    private static string EventId(RmaEntity rma, string eventType) => StableId.From("rma-event", rma.PartitionKey, rma.RmaId, eventType);

    private static RmaEvent EventOf(RmaEntity rma) => new(rma.RmaId, rma.Number, Enum.Parse<RmaStatus>(rma.Status), rma.InvoiceNumber,
        Enum.Parse<RmaReason>(rma.Reason), rma.Description, ParseResolution(rma.Resolution), AsDate(rma.ExpectedDate), rma.RejectionReason,
        JsonColumn.Read<RmaLine>(rma.Lines).Select(l => new RmaEventLine(l.LineNumber, l.Sku, l.Name, l.Unit, l.Quantity)).ToList());

    private static string? Note(string? given, string generated) => string.IsNullOrWhiteSpace(given) ? generated : $"{generated}. {given.Trim()}";

    private static string Words(RmaResolution resolution) => resolution switch
    {
        RmaResolution.CreditNote => "credit note",
        _ => resolution.ToString().ToLowerInvariant(),
    };

    private static RmaStatus StatusOf(RmaEntity rma) => Enum.Parse<RmaStatus>(rma.Status);

    private static RmaResolution? ParseResolution(string? value) => value is null ? null : Enum.Parse<RmaResolution>(value);

    private static DateTime Utc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static DateOnly? AsDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static RmaListEntity ListRowOf(RmaEntity rma) => new()
    {
        PartitionKey = rma.PartitionKey,
        RowKey = rma.ListRowKey,
        RmaId = rma.RmaId,
        Number = rma.Number,
        Status = rma.Status,
        InvoiceId = rma.InvoiceId,
        InvoiceNumber = rma.InvoiceNumber,
        Reason = rma.Reason,
        Resolution = rma.Resolution,
        ExpectedDate = rma.ExpectedDate,
        GoodsReceived = rma.GoodsReceived,
        RefundApproved = rma.RefundApproved,
        LineCount = JsonColumn.Read<RmaLine>(rma.Lines).Count,
        CreatedBy = rma.CreatedBy,
        CreatedAt = rma.CreatedAt,
        SentAt = rma.SentAt,
        UpdatedAt = rma.UpdatedAt,
    };

    private static RmaSummaryView ToSummary(RmaListEntity r) => new(r.RmaId, r.Number, Enum.Parse<RmaStatus>(r.Status),
        RmaLifecycle.Processing(Enum.Parse<RmaStatus>(r.Status), r.GoodsReceived, r.RefundApproved), r.InvoiceId, r.InvoiceNumber,
        Enum.Parse<RmaReason>(r.Reason), ParseResolution(r.Resolution), AsDate(r.ExpectedDate), r.LineCount, r.CreatedBy, r.CreatedAt, r.SentAt, r.UpdatedAt);

    private static RmaView ToView(RmaEntity r, IReadOnlyList<RelatedDocumentView> related) => new(r.RmaId, r.Number, StatusOf(r),
        RmaLifecycle.Processing(StatusOf(r), r.GoodsReceived || related.Any(d => d.Type == DocumentTypes.GoodsReturns),
            r.RefundApproved || related.Any(d => d.Type == DocumentTypes.CreditNotes)), r.InvoiceId, r.InvoiceNumber,
        DateOnly.FromDateTime(r.InvoiceDate),
        JsonColumn.Read<RmaLine>(r.Lines).Select(l => new RmaLineView(l.LineNumber, l.Sku, l.Name, l.Unit, l.Quantity,
            l.UnitPrice is { } p ? new Money(p, r.Currency) : null)).ToList(),
        Enum.Parse<RmaReason>(r.Reason), r.Description, ParseResolution(r.PreferredResolution), ParseResolution(r.Resolution), AsDate(r.ExpectedDate),
        r.RejectionReason, JsonColumn.Read<StoredAttachment>(r.Attachments).Select(AttachmentView.Of).ToList(), FilePolicy.MaxFiles,
        JsonColumn.Read<RmaStatusChange>(r.History).Select(h => new RmaHistoryView(Enum.Parse<RmaStatus>(h.Status), h.At, h.By, h.Note)).ToList(),
        related.Where(d => d.Type != DocumentTypes.RmaRequests).ToList(), r.CreatedBy, r.CreatedAt, r.SentAt, r.ETag.ToString());
}

/// <summary>The payload of the RMA integration events (RmaSent, RmaAccepted, RmaRejected, RmaCompleted).</summary>
public sealed record RmaEvent(string RmaId, string Number, RmaStatus Status, string InvoiceNumber, RmaReason Reason, string Description,
    RmaResolution? Resolution, DateOnly? ExpectedDate, string? RejectionReason, IReadOnlyList<RmaEventLine> Lines);

public sealed record RmaEventLine(int LineNumber, string? Sku, string Name, string? Unit, decimal Quantity);
