using Portal.Core.Shared;

namespace Portal.Core.Features.Returns;

/// <summary>What is done to an RMA request: the customer sends it, the supplier accepts, rejects or completes it.</summary>
public enum RmaAction
{
    Send,
    Accept,
    Reject,
    Complete,
}

/// <summary>
/// The RMA lifecycle: Draft → Sent → In progress → Completed, or Rejected from Sent or In progress. Doing again what
/// is already done is a retry and changes nothing; anything else is a 409 that says why. Only drafts can be edited,
/// deleted or given files; only a request in progress can have its expected date changed. A pure rule.
/// </summary>
public static class RmaLifecycle
{
    /// <summary>The status after <paramref name="action"/>; the same status when it was already done (a retry).</summary>
    public static RmaStatus Next(RmaStatus current, RmaAction action) => (action, current) switch
    {
        (RmaAction.Send, RmaStatus.Draft or RmaStatus.Sent) => RmaStatus.Sent,
        (RmaAction.Accept, RmaStatus.Sent or RmaStatus.InProgress) => RmaStatus.InProgress,
        (RmaAction.Reject, RmaStatus.Sent or RmaStatus.InProgress or RmaStatus.Rejected) => RmaStatus.Rejected,
        (RmaAction.Complete, RmaStatus.InProgress or RmaStatus.Completed) => RmaStatus.Completed,
        (RmaAction.Complete, RmaStatus.Sent) => throw Problems.Conflict("An RMA request that is sent cannot be completed; accept it first."),
        (_, RmaStatus.Draft) => throw Problems.Conflict($"An RMA request that is a draft cannot be {Past(action)}; the customer has not sent it."),
        (RmaAction.Send, _) => throw Problems.Conflict($"This RMA request was already sent and is now {Describe(current)}."),
        _ => throw Problems.Conflict($"An RMA request that is {Describe(current)} cannot be {Past(action)}."),
    };

    /// <summary>Drafts are the customer's to change; once sent, a request is read-only for them.</summary>
    public static void EnsureEditable(RmaStatus current)
    {
        if (current != RmaStatus.Draft)
        {
            throw Problems.Conflict($"This RMA request is {Describe(current)}; only drafts can be changed or deleted.");
        }
    }

    /// <summary>The expected date is the supplier's promise while it works on the request.</summary>
    public static void EnsureExpectedDateChangeable(RmaStatus current)
    {
        if (current != RmaStatus.InProgress)
        {
            throw Problems.Conflict($"The expected date can be changed while an RMA request is in progress; this one is {Describe(current)}.");
        }
    }

    /// <summary>Whether a request in this status claims its quantities from the invoice.</summary>
    public static bool Claims(RmaStatus status) => status is RmaStatus.Sent or RmaStatus.InProgress or RmaStatus.Completed;

    /// <summary>
    /// The processing status: what the supplier has done so far. A credit note means the refund is approved, a goods
    /// return that the goods are back; the lifecycle status decides the rest.
    /// </summary>
    public static RmaProcessing Processing(RmaStatus status, bool goodsReceived, bool refundApproved) => status switch
    {
        RmaStatus.Draft => RmaProcessing.NotSent,
        RmaStatus.Sent => RmaProcessing.AwaitingDecision,
        RmaStatus.Rejected => RmaProcessing.Rejected,
        RmaStatus.Completed => RmaProcessing.Done,
        _ when refundApproved => RmaProcessing.RefundApproved,
        _ when goodsReceived => RmaProcessing.GoodsReceived,
        _ => RmaProcessing.Accepted,
    };

    public static string Describe(RmaStatus status) => status switch
    {
        RmaStatus.InProgress => "in progress",
        RmaStatus.Draft => "a draft",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Past(RmaAction action) => action switch
    {
        RmaAction.Send => "sent",
        RmaAction.Accept => "accepted",
        RmaAction.Reject => "rejected",
        _ => "completed",
    };
}
