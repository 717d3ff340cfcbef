using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Support;

// A counterparty's support requests live in ITS partition of the Support table (PartitionKey = counterparty id):
// the request row, its list row, its messages (one row each, so a long conversation never grows one entity),
// the "linked to this document" index rows, idempotency keys, the users' read markers and outbox rows. Creating a
// request or posting a message is one entity-group transaction. The staff desk is an index in its own partition
// ("desk"), one row per request, rewritten after each change (see SupportService). SupportStore is the only code
// that knows these keys.

public static class SupportTables
{
    public const string Support = "Support";
}

public static class SupportKeys
{
    public static string Request(string requestId) => "req:" + requestId;

    public const string ListPrefix = "slist:";

    /// <summary>Active requests (group 0) before closed ones (group 1); newest activity first within each.</summary>
    public static string List(SupportStatus status, DateTimeOffset lastActivityAt, string requestId) =>
        $"{ListPrefix}{(status == SupportStatus.Closed ? 1 : 0)}:{TableKeys.NewestFirst(lastActivityAt)}:{requestId}";

    public static string MessagePrefix(string requestId) => $"msg:{requestId}:";

    /// <summary>A message id sorts newest first and is unique: inverted ticks and a random tail.</summary>
    public static string NewMessageId(DateTimeOffset at) => TableKeys.NewestFirst(at) + "-" + Guid.NewGuid().ToString("N")[..12];

    public static string Message(string requestId, string messageId) => MessagePrefix(requestId) + messageId;

    public static string LinkPrefix(string type, string linkId) => $"link:{type}:{linkId}:";

    public static string Link(string type, string linkId, string requestId) => LinkPrefix(type, linkId) + requestId;

    public static string Seen(string userId) => "seen:" + userId;

    /// <summary>The staff desk: every counterparty's requests in one partition of the same table.</summary>
    public const string DeskPartition = "desk";

    public const string DeskPrefix = "d:";

    /// <summary>
    /// Awaiting the supplier's answer (0) before other active requests (1) before closed ones (2); newest activity
    /// first within each group.
    /// </summary>
    public static string Desk(SupportStatus status, bool lastFromSupplier, DateTimeOffset lastActivityAt, string counterpartyId, string requestId) =>
        $"{DeskPrefix}{(SupportLifecycle.AwaitsSupplier(status, lastFromSupplier) ? 0 : status == SupportStatus.Closed ? 2 : 1)}:" +
        $"{TableKeys.NewestFirst(lastActivityAt)}:{counterpartyId}:{requestId}";

    public const string CounterPartition = "counter";
    public const string RequestCounter = "support-request";
}

/// <summary>What a request and all its index rows (list, link, desk) show about it.</summary>
public abstract class SupportSummaryRow : TableRow
{
    public string RequestId { get; set; } = "";
    public string CounterpartyId { get; set; } = "";
    public string CounterpartyName { get; set; } = "";
    public string Number { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Category { get; set; } = "";
    public string Status { get; set; } = nameof(SupportStatus.Open);
    public string? LinkType { get; set; }
    public string? LinkId { get; set; }
    public string? LinkLabel { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    /// <summary>"" when nobody is assigned (so the desk can filter for unassigned requests).</summary>
    public string AssignedToUserId { get; set; } = "";
    public string AssignedToName { get; set; } = "";
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
    public string LastMessageByUserId { get; set; } = "";
    public string LastMessageByName { get; set; } = "";
    public bool LastMessageFromSupplier { get; set; }
    public int MessageCount { get; set; }

    public void CopyTo(SupportSummaryRow row)
    {
        row.RequestId = RequestId;
        row.CounterpartyId = CounterpartyId;
        row.CounterpartyName = CounterpartyName;
        row.Number = Number;
        row.Subject = Subject;
        row.Category = Category;
        row.Status = Status;
        row.LinkType = LinkType;
        row.LinkId = LinkId;
        row.LinkLabel = LinkLabel;
        row.CreatedAt = CreatedAt;
        row.CreatedByUserId = CreatedByUserId;
        row.CreatedByName = CreatedByName;
        row.AssignedToUserId = AssignedToUserId;
        row.AssignedToName = AssignedToName;
        row.LastActivityAt = LastActivityAt;
        row.LastMessageAt = LastMessageAt;
        row.LastMessageByUserId = LastMessageByUserId;
        row.LastMessageByName = LastMessageByName;
        row.LastMessageFromSupplier = LastMessageFromSupplier;
        row.MessageCount = MessageCount;
    }
}

/// <summary>The request ("req:{id}"), read by id with one point read.</summary>
public sealed class SupportRequestEntity : SupportSummaryRow
{
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>RowKey of the list row, moved in the same transaction when the status or the last activity changes.</summary>
    public string ListRowKey { get; set; } = "";
    /// <summary>RowKey of this request's row in the desk partition.</summary>
    public string DeskRowKey { get; set; } = "";
    /// <summary>The desk row key of the change before, while it may still exist ("" once removed).</summary>
    public string DeskStaleKey { get; set; } = "";
    /// <summary>False from a change's commit until the desk partition shows it; whoever finds it false brings the desk up to date.</summary>
    public bool DeskSynced { get; set; }
    /// <summary>JSON array of <see cref="SupportStatusChange"/>.</summary>
    public string History { get; set; } = "[]";
}

/// <summary>"slist:…" (the customers' list), "link:…" (a document's requests) and "d:…" in the desk partition.</summary>
public sealed class SupportListEntity : SupportSummaryRow
{
}

public sealed record SupportStatusChange(string Status, DateTimeOffset At, string By);

/// <summary>One message ("msg:{requestId}:{messageId}"), with the files attached to it.</summary>
public sealed class SupportMessageEntity : TableRow
{
    public string RequestId { get; set; } = "";
    public string MessageId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string AuthorUserId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public bool FromSupplier { get; set; }
    public string Body { get; set; } = "";
    /// <summary>JSON array of <see cref="Shared.Files.StoredAttachment"/>.</summary>
    public string Attachments { get; set; } = "[]";
}

/// <summary>
/// "seen:{userId}": what the user has read, as request id → the last message time they saw (JSON), bounded: the
/// oldest entries give way to <see cref="SeenAllBefore"/>, below which everything counts as read.
/// </summary>
public sealed class SupportSeenEntity : TableRow
{
    public string Seen { get; set; } = "{}";
    public DateTimeOffset SeenAllBefore { get; set; } = DateTimeOffset.MinValue;
}
