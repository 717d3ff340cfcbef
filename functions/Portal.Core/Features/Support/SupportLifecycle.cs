using Portal.Core.Shared;

namespace Portal.Core.Features.Support;

public enum SupportStatus
{
    Open,
    InProgress,
    Resolved,
    Closed,
}

/// <summary>What happens to a support request.</summary>
public enum SupportAction
{
    /// <summary>A customer (the author or a colleague) writes a message.</summary>
    CustomerReply,
    /// <summary>The supplier's staff write a message.</summary>
    StaffReply,
    /// <summary>Staff take the request on.</summary>
    StartProgress,
    /// <summary>Staff mark the question answered.</summary>
    Resolve,
    /// <summary>The customer closes the request.</summary>
    Close,
    /// <summary>The customer opens a resolved or closed request again.</summary>
    Reopen,
}

/// <summary>
/// The support request lifecycle: Open → In progress → Resolved → Closed. A customer's reply to a resolved request
/// reopens it; the customer may close a request at any time and reopen a resolved or closed one within
/// <see cref="ReopenWindow"/>; nobody writes into a closed request. Doing again what is done changes nothing (a
/// retry); anything else is a 409 that says why. A pure rule: status and dates in, the next status out.
/// </summary>
public static class SupportLifecycle
{
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(14);

    /// <param name="settledAt">When the request was resolved or closed (the later of the two), for the reopen window.</param>
    public static SupportStatus Next(SupportStatus current, SupportAction action, DateTimeOffset? settledAt, DateTimeOffset now) => (action, current) switch
    {
        (SupportAction.CustomerReply, SupportStatus.Resolved) => SupportStatus.Open,
        (SupportAction.CustomerReply or SupportAction.StaffReply, SupportStatus.Open or SupportStatus.InProgress or SupportStatus.Resolved) => current,
        (SupportAction.CustomerReply, SupportStatus.Closed) => throw Problems.Conflict(CanReopen(current, settledAt, now)
            ? "This request is closed; reopen it to write again."
            : "This request was closed more than 14 days ago; create a new request."),
        (SupportAction.StaffReply, SupportStatus.Closed) => throw Problems.Conflict("The customer closed this request; they can reopen it or create a new one."),
        (SupportAction.StartProgress, SupportStatus.Open or SupportStatus.InProgress or SupportStatus.Resolved) => SupportStatus.InProgress,
        (SupportAction.Resolve, SupportStatus.Open or SupportStatus.InProgress or SupportStatus.Resolved) => SupportStatus.Resolved,
        (SupportAction.StartProgress or SupportAction.Resolve, SupportStatus.Closed) => throw Problems.Conflict("The customer closed this request; it cannot change any more."),
        (SupportAction.Close, _) => SupportStatus.Closed,
        (SupportAction.Reopen, SupportStatus.Open or SupportStatus.InProgress) => current,
        (SupportAction.Reopen, SupportStatus.Resolved or SupportStatus.Closed) when CanReopen(current, settledAt, now) => SupportStatus.Open,
        (SupportAction.Reopen, _) => throw Problems.Conflict($"This request was {Describe(current)} more than 14 days ago; create a new request."),
        _ => throw Problems.Conflict($"A request that is {Describe(current)} cannot be changed this way."),
    };

    /// <summary>Whether a customer may still reopen a request in this status.</summary>
    public static bool CanReopen(SupportStatus status, DateTimeOffset? settledAt, DateTimeOffset now) =>
        status is SupportStatus.Resolved or SupportStatus.Closed && settledAt is { } at && now - at <= ReopenWindow;

    /// <summary>The last moment a reopen is allowed, for a request that can still be reopened.</summary>
    public static DateTimeOffset? ReopenUntil(SupportStatus status, DateTimeOffset? settledAt) =>
        status is SupportStatus.Resolved or SupportStatus.Closed && settledAt is { } at ? at + ReopenWindow : null;

    /// <summary>Whether the supplier still owes an answer: the request is active and the last word was the customer's.</summary>
    public static bool AwaitsSupplier(SupportStatus status, bool lastMessageFromSupplier) =>
        status is SupportStatus.Open or SupportStatus.InProgress && !lastMessageFromSupplier;

    public static string Describe(SupportStatus status) => status switch
    {
        SupportStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// Message and subject text rules: plain text, shown as text. Control characters other than tab and line breaks
/// are refused (they are invisible and can hide content); the limits keep a message far below Table Storage's
/// 64 KiB per property.
/// </summary>
public static class SupportText
{
    public const int MaxSubject = 150;
    public const int MaxBody = 4000;

    /// <summary>The shared text rules (required, length of the trimmed text, no control characters but line breaks where allowed).</summary>
    public static void Validate(Shared.Http.ValidationErrors errors, string field, string? value, int maxLength, bool multiline) =>
        errors.Required(field, value?.Trim(), maxLength, multiline);

    /// <summary>The text as stored: trimmed, line breaks as \n.</summary>
    public static string Clean(string value) => value.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
}
