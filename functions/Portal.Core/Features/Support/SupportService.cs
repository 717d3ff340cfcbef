using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;
using Portal.Core.Shared.Events;
using Portal.Core.Shared.Files;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Support;

/// <summary>
/// Support requests: a conversation between a customer company and the supplier, optionally about one document or
/// order. Customers create, reply, attach files, close and reopen (<see cref="SupportLifecycle"/>); colleagues at
/// the same company see and answer the company's requests. Staff work them from the desk: assign, reply, set In
/// progress or Resolved. Every change is one transaction in the counterparty's partition (request, list row, link
/// row, message, event, idempotency key); the desk row in the "desk" partition follows it right after, and whoever
/// finds a request whose desk row is not in step (<see cref="SupportRequestEntity.DeskSynced"/>) brings it up to date.
/// </summary>
public sealed class SupportService(
    SupportStore store,
    AccountService accounts,
    Attachments attachments,
    OutboxDispatcher outbox,
    IEnumerable<ISupportLinkResolver> resolvers,
    TimeProvider clock,
    ILogger<SupportService> logger)
{
    /// <summary>What a message may carry: images, PDF, CSV, text and Office files, 10 MB each, 10 per message.</summary>
    public static readonly AttachmentPolicy Files = AttachmentPolicy.Documents;

    /// <summary>The newest messages a request page opens with; earlier ones come page by page.</summary>
    public const int FirstMessagePage = 50;

    /// <summary>How many requests a user's read marker remembers one by one; older ones count as read.</summary>
    public const int MaxSeenEntries = 300;

    private readonly Dictionary<string, ISupportLinkResolver> _resolvers = resolvers.ToDictionary(r => r.Type, StringComparer.Ordinal);

    // Customer side.

    public async Task<(SupportRequestView View, bool Created)> CreateAsync(Caller caller, CreateSupportRequest body, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        var subject = SupportText.Clean(body.Subject);
        var text = SupportText.Clean(body.Message);
        (string Type, string Id)? link = body.Link is null ? null : (body.Link.Type.Trim(), body.Link.Id.Trim());
        if (link is { } l && !_resolvers.ContainsKey(l.Type))
        {
            throw Problems.Validation("link.type", "Use one of: " + string.Join(", ", _resolvers.Keys.Order(StringComparer.Ordinal)) + ".");
        }
        var (entity, created) = await store.CreateOnceAsync(scope, caller.UserId, idempotencyKey,
            ["support-request", subject, body.Category.ToString(), text, link?.Type, link?.Id],
            async ct =>
            {
                string? label = null;
                if (link is { } target)
                {
                    label = TableKeys.IsSafe(target.Id, 100) ? await _resolvers[target.Type].LabelAsync(scope, target.Id, ct) : null;
                    if (label is null)
                    {
                        throw Problems.NotFound("The linked document");
                    }
                }
                var counterparty = await accounts.GetCounterpartyAsync(scope.CounterpartyId, ct);
                var name = await NameOfAsync(caller, ct);
                var number = SupportNumbers.Format(await store.ReserveNumberAsync(ct));
                var now = clock.GetUtcNow();
                var requestId = Guid.NewGuid().ToString("N");
                var message = NewMessage(scope, requestId, caller, name, fromSupplier: false, text, now);
                var request = new SupportRequestEntity
                {
                    PartitionKey = scope.CounterpartyId,
                    RowKey = SupportKeys.Request(requestId),
                    RequestId = requestId,
                    CounterpartyId = scope.CounterpartyId,
                    CounterpartyName = counterparty.Name,
                    Number = number,
                    Subject = subject,
                    Category = body.Category.ToString(),
                    Status = nameof(SupportStatus.Open),
                    LinkType = link?.Type,
                    LinkId = link?.Id,
                    LinkLabel = label,
                    CreatedAt = now,
                    CreatedByUserId = caller.UserId,
                    CreatedByName = name,
                    LastActivityAt = now,
                    LastMessageAt = now,
                    LastMessageByUserId = caller.UserId,
                    LastMessageByName = name,
                    MessageCount = 1,
                    History = JsonColumn.Write([new SupportStatusChange(nameof(SupportStatus.Open), now, name)]),
                };
                var change = store.NewChange(scope);
                Write(change, request, isNew: true);
                change.Add(message);
                change.AddEvent(StableId.From(requestId, "support-request-created"), "SupportRequestCreated", now, new
                {
                    requestId, number, counterpartyId = scope.CounterpartyId, subject, category = PortalJson.WireName(body.Category),
                    link = link is { } x ? new { type = x.Type, id = x.Id, label } : null,
                    message = text, createdBy = caller.Username, createdAt = now,
                });
                return (change, requestId, request);
            },
            async (requestId, ct) => await store.ReadRequestAsync(scope, requestId, ct)
                                     ?? throw Problems.Conflict("The first request with this key is still being recorded; try again in a moment."),
            cancellationToken);
        if (created)
        {
            logger.LogInformation("Support request {Number} created by {Username}", entity.Number, caller.Username);
            await outbox.RequestDispatchAsync(SupportTables.Support, scope.CounterpartyId, cancellationToken);
        }
        // A replay also brings the desk up to date, so a retry mends a crash between the commit and the desk.
        var view = await GetAsync(scope, caller.UserId, entity.RequestId, cancellationToken);
        return (view, created);
    }

    /// <summary>
    /// The company's requests (active first, newest activity first), or those linked to one document or order, each
    /// marked unread when someone else wrote since the caller last opened it. Two storage reads, in parallel.
    /// </summary>
    public async Task<ListPage<SupportRequestSummaryView>> ListAsync(Caller caller, SupportStatus? status, string? linkedType, string? linkedId,
        string? continuation, int? pageSize, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        Task<ListPage<SupportListEntity>> pageTask;
        if (linkedType is not null || linkedId is not null)
        {
            if (linkedType is null || linkedId is null)
            {
                throw Problems.Validation(linkedType is null ? "linkedType" : "linkedId", "Give both linkedType and linkedId.");
            }
            if (!_resolvers.ContainsKey(linkedType))
            {
                throw Problems.Validation("linkedType", "Use one of: " + string.Join(", ", _resolvers.Keys.Order(StringComparer.Ordinal)) + ".");
            }
            if (!TableKeys.IsSafe(linkedId, 100))
            {
                return new ListPage<SupportRequestSummaryView>([], null);
            }
            pageTask = store.ListLinkedAsync(scope, linkedType, linkedId, continuation, pageSize, e => e, cancellationToken);
        }
        else
        {
            pageTask = store.ListAsync(scope, status, continuation, pageSize, e => e, cancellationToken);
        }
        var seenTask = store.ReadSeenAsync(scope, caller.UserId, cancellationToken);
        var page = await pageTask;
        var seen = SeenMarks.Of(await seenTask);
        return new ListPage<SupportRequestSummaryView>(page.Items.Select(e => ToSummary(e, seen.IsUnread(e, caller.UserId))).ToList(), page.Continuation);
    }

    /// <summary>A request with its newest messages: two storage reads in parallel.</summary>
    public async Task<SupportRequestView> GetAsync(CounterpartyScope scope, string viewerUserId, string requestId, CancellationToken cancellationToken)
    {
        var requestTask = store.ReadRequestAsync(scope, requestId, cancellationToken);
        var messagesTask = TableKeys.IsSafe(requestId)
            ? store.MessagesAsync(scope, requestId, null, FirstMessagePage, m => ToView(m, viewerUserId), cancellationToken)
            : Task.FromResult(new ListPage<SupportMessageView>([], null));
        var request = await requestTask ?? throw Problems.NotFound("The support request");
        var messages = await messagesTask;
        if (!request.DeskSynced)
        {
            await store.SyncDeskAsync(request, cancellationToken); // mends a crash between a change and the desk
        }
        return ToView(request, messages);
    }

    /// <summary>Earlier messages of a request, newest first, page by page.</summary>
    public async Task<ListPage<SupportMessageView>> MessagesAsync(CounterpartyScope scope, string viewerUserId, string requestId, string? continuation, int? pageSize,
        CancellationToken cancellationToken)
    {
        var requestTask = store.ReadRequestAsync(scope, requestId, cancellationToken);
        var messagesTask = TableKeys.IsSafe(requestId)
            ? store.MessagesAsync(scope, requestId, continuation, pageSize, m => ToView(m, viewerUserId), cancellationToken)
            : Task.FromResult(new ListPage<SupportMessageView>([], null));
        _ = await requestTask ?? throw Problems.NotFound("The support request");
        return await messagesTask;
    }

    /// <summary>
    /// Posts a message: the customer's (a reply to a resolved request reopens it) or the supplier's. The same
    /// Idempotency-Key again answers with the same message.
    /// </summary>
    public async Task<SupportMessageView> PostAsync(Caller caller, CounterpartyScope scope, string requestId, SupportMessageRequest body, bool fromSupplier,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        var text = SupportText.Clean(body.Body);
        var name = await NameOfAsync(caller, cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                var (message, created) = await store.CreateOnceAsync(scope, caller.UserId, idempotencyKey, ["support-message", requestId, text, fromSupplier ? "supplier" : "customer"],
                    async ct =>
                    {
                        var request = await ReadSyncedAsync(scope, requestId, ct);
                        var now = clock.GetUtcNow();
                        var current = Enum.Parse<SupportStatus>(request.Status);
                        var next = SupportLifecycle.Next(current, fromSupplier ? SupportAction.StaffReply : SupportAction.CustomerReply, SettledAt(request), now);
                        var message = NewMessage(scope, requestId, caller, name, fromSupplier, text, now);
                        SetStatus(request, next, now, name);
                        request.MessageCount++;
                        request.LastActivityAt = now;
                        request.LastMessageAt = now;
                        request.LastMessageByUserId = caller.UserId;
                        request.LastMessageByName = name;
                        request.LastMessageFromSupplier = fromSupplier;
                        var change = store.NewChange(scope);
                        Write(change, request, isNew: false);
                        change.Add(message);
                        change.AddEvent(StableId.From(message.MessageId, "support-message-posted"), "SupportMessagePosted", now, new
                        {
                            requestId, number = request.Number, messageId = message.MessageId, counterpartyId = scope.CounterpartyId,
                            fromSupplier, author = caller.Username, body = text, status = PortalJson.WireName(next), postedAt = now,
                        });
                        return (change, message.MessageId, message);
                    },
                    async (messageId, ct) => await store.ReadMessageAsync(scope, requestId, messageId, ct)
                                             ?? throw Problems.Conflict("The first request with this key is still being recorded; try again in a moment."),
                    cancellationToken);
                if (created)
                {
                    await outbox.RequestDispatchAsync(SupportTables.Support, scope.CounterpartyId, cancellationToken);
                }
                await SyncDeskAsync(scope, requestId, cancellationToken);
                return ToView(message, caller.UserId);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                // Someone else wrote to the request in the meantime: read it again and post on top.
            }
        }
        throw Problems.Conflict("The request keeps changing; try again.");
    }

    /// <summary>
    /// Attaches a file to one of the caller's own messages. The blob is written first, then recorded on the message;
    /// a retry with the same Idempotency-Key finds it recorded and answers the same.
    /// </summary>
    public async Task<AttachmentView> AttachAsync(Caller caller, CounterpartyScope scope, string requestId, string messageId, IncomingFile file,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        var request = await store.ReadRequestAsync(scope, requestId, cancellationToken) ?? throw Problems.NotFound("The support request");
        var owner = Owner(requestId);
        var id = Attachments.IdFor(scope, owner, idempotencyKey is null ? null : messageId + "\n" + idempotencyKey);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var message = await store.ReadMessageAsync(scope, requestId, messageId, cancellationToken) ?? throw Problems.NotFound("The message");
            var stored = JsonColumn.Read<StoredAttachment>(message.Attachments);
            if (stored.FirstOrDefault(a => a.Id == id) is { } existing)
            {
                return AttachmentView.Of(existing);
            }
            if (message.AuthorUserId != caller.UserId)
            {
                throw Problems.Forbidden("Files can be attached to your own messages only.");
            }
            if (request.Status == nameof(SupportStatus.Closed))
            {
                throw Problems.Conflict("This request is closed; reopen it to add files.");
            }
            if (stored.Count >= Files.MaxFiles)
            {
                throw Problems.Conflict($"A message carries at most {Files.MaxFiles} files; write another message for more.");
            }
            var saved = await attachments.SaveAsync(scope, owner, id, file, caller.Username, cancellationToken);
            message.Attachments = JsonColumn.Write(stored.Append(saved));
            try
            {
                await store.ReplaceAsync(message, cancellationToken);
                return AttachmentView.Of(saved);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another file was recorded at the same moment: read the message again.
            }
        }
        throw Problems.Conflict("The message keeps changing; try again.");
    }

    /// <summary>A five-minute download link for a message's file, after loading the request in the caller's scope.</summary>
    public async Task<Uri> AttachmentLinkAsync(CounterpartyScope scope, string requestId, string messageId, string attachmentId, CancellationToken cancellationToken)
    {
        var requestTask = store.ReadRequestAsync(scope, requestId, cancellationToken);
        var messageTask = store.ReadMessageAsync(scope, requestId, messageId, cancellationToken);
        _ = await requestTask ?? throw Problems.NotFound("The support request");
        var message = await messageTask ?? throw Problems.NotFound("The message");
        var file = JsonColumn.Read<StoredAttachment>(message.Attachments).FirstOrDefault(a => a.Id == attachmentId) ?? throw Problems.NotFound("The file");
        return await attachments.LinkAsync(scope, Owner(requestId), file, cancellationToken);
    }

    public Task<SupportRequestView> CloseAsync(Caller caller, string requestId, CancellationToken cancellationToken) =>
        ChangeStatusAsync(caller, caller.Scope(), requestId, SupportAction.Close, cancellationToken);

    public Task<SupportRequestView> ReopenAsync(Caller caller, string requestId, CancellationToken cancellationToken) =>
        ChangeStatusAsync(caller, caller.Scope(), requestId, SupportAction.Reopen, cancellationToken);

    /// <summary>Remembers that the caller has read the request as it is now (its unread marker goes away).</summary>
    public async Task MarkReadAsync(Caller caller, string requestId, CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        var request = await store.ReadRequestAsync(scope, requestId, cancellationToken) ?? throw Problems.NotFound("The support request");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await store.ReadSeenAsync(scope, caller.UserId, cancellationToken);
            var isNew = row is null;
            row ??= new SupportSeenEntity { PartitionKey = scope.CounterpartyId, RowKey = SupportKeys.Seen(caller.UserId) };
            var marks = SeenMarks.Of(row);
            if (!marks.IsUnread(request.RequestId, request.LastMessageAt))
            {
                return;
            }
            marks.Mark(request.RequestId, request.LastMessageAt, MaxSeenEntries);
            marks.WriteTo(row);
            try
            {
                await store.SaveSeenAsync(row, isNew, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // The same user read another request in another tab: read the marker again.
            }
        }
        throw Problems.Conflict("Try again.");
    }

    // Company side.

    /// <summary>The desk: every counterparty's requests, awaiting an answer first, then newest activity. One query per page.</summary>
    public Task<ListPage<StaffSupportSummaryView>> DeskAsync(SupportDeskQuery query, string? continuation, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (query.CounterpartyId is { } cp && !TableKeys.IsSafe(cp))
        {
            errors.Add("counterpartyId", "Use a counterparty's id.");
        }
        if (query.LinkedType is { } type && !_resolvers.ContainsKey(type))
        {
            errors.Add("linkedType", "Use one of: " + string.Join(", ", _resolvers.Keys.Order(StringComparer.Ordinal)) + ".");
        }
        if (query.AssignedTo is { } assignee && !TableKeys.IsSafe(assignee))
        {
            errors.Add("assignedTo", "Use a staff user's id, or none.");
        }
        errors.ThrowIfAny();
        return store.DeskAsync(query, continuation, pageSize, ToStaffSummary, cancellationToken);
    }

    public async Task<StaffSupportRequestView> GetForStaffAsync(Caller staff, string counterpartyId, string requestId, CancellationToken cancellationToken)
    {
        var scope = ScopeFor(staff, counterpartyId);
        var view = await GetAsync(scope, staff.UserId, requestId, cancellationToken);
        var request = await store.ReadRequestAsync(scope, requestId, cancellationToken) ?? throw Problems.NotFound("The support request");
        return ToStaffView(request, view);
    }

    public async Task<StaffSupportRequestView> SetStatusAsync(Caller staff, string counterpartyId, string requestId, SupportStaffStatus status,
        CancellationToken cancellationToken)
    {
        var scope = ScopeFor(staff, counterpartyId);
        var action = status == SupportStaffStatus.Resolved ? SupportAction.Resolve : SupportAction.StartProgress;
        await ChangeStatusAsync(staff, scope, requestId, action, cancellationToken);
        return await GetForStaffAsync(staff, counterpartyId, requestId, cancellationToken);
    }

    /// <summary>Assigns the request to a staff user (or to nobody with null).</summary>
    public async Task<StaffSupportRequestView> AssignAsync(Caller staff, string counterpartyId, string requestId, string? userId, CancellationToken cancellationToken)
    {
        var scope = ScopeFor(staff, counterpartyId);
        var assignee = string.IsNullOrWhiteSpace(userId) ? null : (await AssigneesAsync(cancellationToken)).Items.FirstOrDefault(u => u.Id == userId.Trim())
                       ?? throw Problems.Validation("userId", "Choose an active staff user.");
        await ChangeAsync(scope, requestId, (request, _) =>
        {
            if (request.AssignedToUserId == (assignee?.Id ?? ""))
            {
                return false;
            }
            request.AssignedToUserId = assignee?.Id ?? "";
            request.AssignedToName = assignee?.DisplayName ?? "";
            return true;
        }, cancellationToken);
        return await GetForStaffAsync(staff, counterpartyId, requestId, cancellationToken);
    }

    /// <summary>The staff users a request can be assigned to.</summary>
    public async Task<ItemList<SupportAssigneeView>> AssigneesAsync(CancellationToken cancellationToken) =>
        new((await accounts.ListEnabledStaffAsync(cancellationToken))
            .Select(u => new SupportAssigneeView(u.Id, u.Username, u.DisplayName)).ToList());

    // The change machinery.

    private async Task<SupportRequestView> ChangeStatusAsync(Caller caller, CounterpartyScope scope, string requestId, SupportAction action,
        CancellationToken cancellationToken)
    {
        var name = await NameOfAsync(caller, cancellationToken);
        await ChangeAsync(scope, requestId, (request, now) =>
            SetStatus(request, SupportLifecycle.Next(Enum.Parse<SupportStatus>(request.Status), action, SettledAt(request), now), now, name),
            cancellationToken);
        return await GetAsync(scope, caller.UserId, requestId, cancellationToken);
    }

    /// <summary>Reads, applies, writes the request with its index rows in one transaction (again on 412), then updates the desk.</summary>
    private async Task ChangeAsync(CounterpartyScope scope, string requestId, Func<SupportRequestEntity, DateTimeOffset, bool> apply,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var request = await ReadSyncedAsync(scope, requestId, cancellationToken);
            if (!apply(request, clock.GetUtcNow()))
            {
                return; // Already so: a retry.
            }
            var change = store.NewChange(scope);
            Write(change, request, isNew: false);
            try
            {
                request.ETag = await store.SubmitAsync(change, cancellationToken);
                await store.SyncDeskAsync(request, cancellationToken);
                logger.LogInformation("Support request {Number} is {Status}", request.Number, request.Status);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                // Changed since we read it: read again and re-apply.
            }
        }
        throw Problems.Conflict("The request keeps changing; try again.");
    }

    /// <summary>The request, with the desk first brought in step if a change before us did not get that far.</summary>
    private async Task<SupportRequestEntity> ReadSyncedAsync(CounterpartyScope scope, string requestId, CancellationToken cancellationToken)
    {
        var request = await store.ReadRequestAsync(scope, requestId, cancellationToken) ?? throw Problems.NotFound("The support request");
        if (!request.DeskSynced)
        {
            await store.SyncDeskAsync(request, cancellationToken);
        }
        return request;
    }

    private async Task SyncDeskAsync(CounterpartyScope scope, string requestId, CancellationToken cancellationToken)
    {
        if (await store.ReadRequestAsync(scope, requestId, cancellationToken) is { DeskSynced: false } request)
        {
            await store.SyncDeskAsync(request, cancellationToken);
        }
    }

    /// <summary>Puts the request row first (its new ETag is the transaction's first answer), then moves its list row and rewrites its link row.</summary>
    private static void Write(EntityGroup change, SupportRequestEntity request, bool isNew)
    {
        var status = Enum.Parse<SupportStatus>(request.Status);
        var oldList = request.ListRowKey;
        var oldDesk = request.DeskRowKey;
        request.ListRowKey = SupportKeys.List(status, request.LastActivityAt, request.RequestId);
        request.DeskRowKey = SupportKeys.Desk(status, request.LastMessageFromSupplier, request.LastActivityAt, request.CounterpartyId, request.RequestId);
        request.DeskStaleKey = isNew || oldDesk == request.DeskRowKey ? "" : oldDesk;
        request.DeskSynced = false;
        if (isNew)
        {
            change.Add(request);
        }
        else
        {
            change.Replace(request);
            if (oldList != request.ListRowKey)
            {
                change.Delete(oldList);
            }
        }
        change.Upsert(Row(request, request.ListRowKey));
        if (request.LinkType is { } type && request.LinkId is { } id)
        {
            change.Upsert(Row(request, SupportKeys.Link(type, id, request.RequestId)));
        }
    }

    private static SupportListEntity Row(SupportRequestEntity request, string rowKey)
    {
        var row = new SupportListEntity { PartitionKey = request.PartitionKey, RowKey = rowKey };
        request.CopyTo(row);
        return row;
    }

    private static bool SetStatus(SupportRequestEntity request, SupportStatus next, DateTimeOffset now, string by)
    {
        if (request.Status == next.ToString())
        {
            return false;
        }
        request.Status = next.ToString();
        request.LastActivityAt = now;
        if (next == SupportStatus.Resolved)
        {
            request.ResolvedAt = now;
        }
        if (next == SupportStatus.Closed)
        {
            request.ClosedAt = now;
        }
        request.History = JsonColumn.Write(JsonColumn.Read<SupportStatusChange>(request.History).Append(new SupportStatusChange(next.ToString(), now, by)));
        return true;
    }

    private static DateTimeOffset? SettledAt(SupportRequestEntity request) => request.Status switch
    {
        nameof(SupportStatus.Closed) => request.ClosedAt,
        nameof(SupportStatus.Resolved) => request.ResolvedAt,
        _ => null,
    };

    /// <summary>How people see the caller in a conversation: their display name (the username when they have none).</summary>
    private async Task<string> NameOfAsync(Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            var (user, _) = await accounts.GetUserAsync(caller.UserId, cancellationToken);
            return string.IsNullOrWhiteSpace(user.DisplayName) ? caller.Username : user.DisplayName;
        }
        catch (PortalProblemException ex) when (ex.Status == 404)
        {
            return caller.Username;
        }
    }

    private static SupportMessageEntity NewMessage(CounterpartyScope scope, string requestId, Caller author, string authorName, bool fromSupplier, string text,
        DateTimeOffset at)
    {
        var messageId = SupportKeys.NewMessageId(at);
        return new SupportMessageEntity
        {
            PartitionKey = scope.CounterpartyId,
            RowKey = SupportKeys.Message(requestId, messageId),
            RequestId = requestId,
            MessageId = messageId,
            At = at,
            AuthorUserId = author.UserId,
            AuthorName = authorName,
            FromSupplier = fromSupplier,
            Body = text,
        };
    }

    private static CounterpartyScope ScopeFor(Caller staff, string counterpartyId) =>
        TableKeys.IsSafe(counterpartyId) ? staff.ScopeFor(counterpartyId) : throw Problems.NotFound("The support request");

    /// <summary>Where a request's files live under the counterparty in the attachments container.</summary>
    private static string Owner(string requestId) => TableKeys.IsSafe(requestId) ? "support-requests/" + requestId : throw Problems.NotFound("The support request");

    // Views.

    private static SupportLinkView? LinkOf(SupportSummaryRow r) =>
        r.LinkType is { } type && r.LinkId is { } id ? new SupportLinkView(type, id, r.LinkLabel ?? id) : null;

    private static SupportRequestSummaryView ToSummary(SupportListEntity r, bool unread) => new(r.RequestId, r.Number, r.Subject,
        Enum.Parse<SupportCategory>(r.Category), Enum.Parse<SupportStatus>(r.Status), LinkOf(r), r.CreatedAt, r.CreatedByName, r.LastMessageAt,
        r.LastMessageByName, r.LastMessageFromSupplier, r.MessageCount, unread);

    private static StaffSupportSummaryView ToStaffSummary(SupportListEntity r)
    {
        var status = Enum.Parse<SupportStatus>(r.Status);
        return new StaffSupportSummaryView(r.CounterpartyId, r.CounterpartyName, r.RequestId, r.Number, r.Subject, Enum.Parse<SupportCategory>(r.Category),
            status, LinkOf(r), r.CreatedAt, r.CreatedByName, Blank(r.AssignedToUserId), Blank(r.AssignedToName), r.LastMessageAt, r.LastMessageByName,
            SupportLifecycle.AwaitsSupplier(status, r.LastMessageFromSupplier), r.MessageCount);
    }

    private static SupportRequestView ToView(SupportRequestEntity r, ListPage<SupportMessageView> messages)
    {
        var status = Enum.Parse<SupportStatus>(r.Status);
        var settled = SettledAt(r);
        return new SupportRequestView(r.RequestId, r.Number, r.Subject, Enum.Parse<SupportCategory>(r.Category), status, LinkOf(r), r.CreatedAt,
            r.CreatedByName, Blank(r.AssignedToName), r.LastMessageAt, r.MessageCount, SupportLifecycle.ReopenUntil(status, settled),
            JsonColumn.Read<SupportStatusChange>(r.History).Select(h => new SupportStatusChangeView(Enum.Parse<SupportStatus>(h.Status), h.At, h.By)).ToList(),
            messages);
    }

    private static StaffSupportRequestView ToStaffView(SupportRequestEntity r, SupportRequestView view) =>
        new(r.CounterpartyId, r.CounterpartyName, Blank(r.AssignedToUserId), SupportLifecycle.AwaitsSupplier(view.Status, r.LastMessageFromSupplier), view);

    private static SupportMessageView ToView(SupportMessageEntity m, string viewerUserId) => new(m.MessageId, m.At, m.AuthorName, m.FromSupplier,
        m.AuthorUserId == viewerUserId, m.Body, JsonColumn.Read<StoredAttachment>(m.Attachments).Select(AttachmentView.Of).ToList());

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A user's read marker as a map, with the rule for "unread".</summary>
    private sealed class SeenMarks(Dictionary<string, DateTimeOffset> seen, DateTimeOffset allBefore)
    {
        private DateTimeOffset _allBefore = allBefore;

        public static SeenMarks Of(SupportSeenEntity? row) => new(
            row is null ? [] : JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(row.Seen, PortalJson.Options) ?? [],
            row?.SeenAllBefore ?? DateTimeOffset.MinValue);

        public bool IsUnread(SupportSummaryRow r, string userId) => r.LastMessageByUserId != userId && IsUnread(r.RequestId, r.LastMessageAt);

        public bool IsUnread(string requestId, DateTimeOffset lastMessageAt) => lastMessageAt > (seen.TryGetValue(requestId, out var at) ? at : _allBefore);

        public void Mark(string requestId, DateTimeOffset lastMessageAt, int maxEntries)
        {
            seen[requestId] = lastMessageAt;
            // Forget the requests read longest ago; everything up to then counts as read.
            foreach (var (id, at) in seen.OrderBy(e => e.Value).Take(Math.Max(0, seen.Count - maxEntries)).ToList())
            {
                seen.Remove(id);
                _allBefore = at > _allBefore ? at : _allBefore;
            }
        }

        public void WriteTo(SupportSeenEntity row)
        {
            row.Seen = JsonSerializer.Serialize(seen, PortalJson.Options);
            row.SeenAllBefore = _allBefore;
        }
    }
}
