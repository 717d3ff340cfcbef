using System.Text.Json.Serialization;
using Portal.Core.Shared.Files;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Support;

public enum SupportCategory
{
    Question,
    DocumentInaccuracy,
    Order,
    Return,
    Account,
    Other,
}

/// <summary>What a request is about: a document, an order or (once merged) an RMA request, by type and id.</summary>
public sealed class SupportLinkRequest
{
    [JsonRequired] public string Type { get; set; } = "";
    [JsonRequired] public string Id { get; set; } = "";
}

public sealed class CreateSupportRequest : IValidatable
{
    [JsonRequired] public string Subject { get; set; } = "";
    [JsonRequired] public SupportCategory Category { get; set; }
    [JsonRequired] public string Message { get; set; } = "";
    public SupportLinkRequest? Link { get; set; }

    public void Validate(ValidationErrors errors)
    {
        SupportText.Validate(errors, "subject", Subject, SupportText.MaxSubject, multiline: false);
        SupportText.Validate(errors, "message", Message, SupportText.MaxBody, multiline: true);
        if (Link is not null)
        {
            errors.Required("link.type", Link.Type, 64);
            errors.Required("link.id", Link.Id, 100);
        }
    }
}

public sealed class SupportMessageRequest : IValidatable
{
    [JsonRequired] public string Body { get; set; } = "";

    public void Validate(ValidationErrors errors) => SupportText.Validate(errors, "body", Body, SupportText.MaxBody, multiline: true);
}

/// <summary>The statuses staff set; the customer closes and reopens through their own routes.</summary>
public enum SupportStaffStatus
{
    InProgress,
    Resolved,
}

public sealed class SupportStatusRequest : IValidatable
{
    [JsonRequired] public SupportStaffStatus Status { get; set; }

    public void Validate(ValidationErrors errors)
    {
    }
}

public sealed class SupportAssignRequest : IValidatable
{
    /// <summary>A staff user's id, or null to unassign.</summary>
    public string? UserId { get; set; }

    public void Validate(ValidationErrors errors) => errors.Optional("userId", UserId, 64);
}

// Views.

/// <summary>A linked document or order; <paramref name="Label"/> is how people name it ("Invoice INV-1001").</summary>
public sealed record SupportLinkView(string Type, string Id, string Label);

public sealed record SupportRequestSummaryView(string Id, string Number, string Subject, SupportCategory Category, SupportStatus Status, SupportLinkView? Link,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset LastMessageAt, string LastMessageBy, bool LastMessageFromSupplier, int MessageCount, bool Unread);

public sealed record SupportMessageView(string Id, DateTimeOffset At, string Author, bool FromSupplier, bool Mine, string Body, IReadOnlyList<AttachmentView> Attachments);

public sealed record SupportStatusChangeView(SupportStatus Status, DateTimeOffset At, string By);

/// <summary>
/// A request with the newest page of its conversation (<paramref name="Messages"/>, newest first; pass its
/// continuation to …/messages for earlier ones). <paramref name="ReopenUntil"/> is set while the customer may reopen it.
/// </summary>
public sealed record SupportRequestView(string Id, string Number, string Subject, SupportCategory Category, SupportStatus Status, SupportLinkView? Link,
    DateTimeOffset CreatedAt, string CreatedBy, string? AssignedTo, DateTimeOffset LastMessageAt, int MessageCount, DateTimeOffset? ReopenUntil,
    IReadOnlyList<SupportStatusChangeView> History, ListPage<SupportMessageView> Messages);

// Company side.

public sealed record StaffSupportSummaryView(string CounterpartyId, string CounterpartyName, string Id, string Number, string Subject, SupportCategory Category,
    SupportStatus Status, SupportLinkView? Link, DateTimeOffset CreatedAt, string CreatedBy, string? AssignedToUserId, string? AssignedTo,
    DateTimeOffset LastMessageAt, string LastMessageBy, bool AwaitingAnswer, int MessageCount);

public sealed record StaffSupportRequestView(string CounterpartyId, string CounterpartyName, string? AssignedToUserId, bool AwaitingAnswer, SupportRequestView Request);

public sealed record SupportAssigneeView(string Id, string Username, string DisplayName);

/// <summary>The desk's filters; all optional.</summary>
public sealed record SupportDeskQuery(SupportStatus? Status, string? CounterpartyId, SupportCategory? Category, string? LinkedType, string? AssignedTo);
