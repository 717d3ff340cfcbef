namespace Portal.Core.Shared.Http;

/// <summary>Who may call a route. Every function states one; there is no default.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not (sign-in, health).</summary>
    Anonymous,

    /// <summary>An external user of a counterparty: sees only that counterparty's data.</summary>
    Customer,

    /// <summary>A company staff user: the manage/* routes.</summary>
    Staff,

    /// <summary>Any signed-in user, customer or staff (own profile, sign-out).</summary>
    SignedIn,
}

public enum CallerKind
{
    Anonymous,
    Customer,
    Staff,
}

/// <summary>
/// The authenticated caller. For customers, <see cref="CounterpartyId"/> is the security boundary: it comes from
/// the session, never from the request.
/// </summary>
public sealed record Caller(
    CallerKind Kind,
    string UserId,
    string Username,
    string? CounterpartyId,
    string? AccessGroupId,
    string SessionId,
    string CsrfToken)
{
    public static readonly Caller Anonymous = new(CallerKind.Anonymous, "", "", null, null, "", "");

    public bool IsSignedIn => Kind != CallerKind.Anonymous;

    /// <summary>The caller's counterparty; only customer routes ask, and only customers reach them.</summary>
    public string RequireCounterparty() =>
        CounterpartyId ?? throw new InvalidOperationException("A customer route was reached by a caller without a counterparty.");

    /// <summary>A customer's own counterparty: what every customer route works in.</summary>
    public CounterpartyScope Scope() =>
        Kind == CallerKind.Customer ? new CounterpartyScope(RequireCounterparty())
        : throw new InvalidOperationException("Only a customer has a counterparty of its own; staff name one with ScopeFor.");

    /// <summary>
    /// A counterparty that a staff user addresses by id (the company side works on any customer). Refused for
    /// customers, so a customer route cannot reach another counterparty by passing an id from the request.
    /// </summary>
    public CounterpartyScope ScopeFor(string counterpartyId) =>
        Kind == CallerKind.Staff ? new CounterpartyScope(counterpartyId)
        : throw new InvalidOperationException("Only staff may name a counterparty; customers work in their own.");
}

/// <summary>
/// The counterparty a service works in: its partition and security boundary. It comes only from the caller — a
/// customer's own (<see cref="Caller.Scope"/>), one a staff user names (<see cref="Caller.ScopeFor"/>) — or from a
/// queue message the portal wrote itself (<see cref="OfWork"/>), never straight from a customer's request.
/// </summary>
public readonly record struct CounterpartyScope
{
    internal CounterpartyScope(string counterpartyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(counterpartyId);
        CounterpartyId = counterpartyId;
    }

    public string CounterpartyId { get; }

    /// <summary>For background work on a message the portal enqueued itself, after the request was authorised.</summary>
    public static CounterpartyScope OfWork(string counterpartyId) => new(counterpartyId);

    public override string ToString() => CounterpartyId;
}

/// <summary>Finds the caller of a request from its session cookie. Implemented by the Accounts feature.</summary>
public interface ICallerResolver
{
    /// <summary>The signed-in caller, or null when the request has no valid session.</summary>
    Task<Caller?> ResolveAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken cancellationToken);
}
