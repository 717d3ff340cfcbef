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
}

/// <summary>Finds the caller of a request from its session cookie. Implemented by the Accounts feature.</summary>
public interface ICallerResolver
{
    /// <summary>The signed-in caller, or null when the request has no valid session.</summary>
    Task<Caller?> ResolveAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken cancellationToken);
}

/// <summary>One page of a list, newest or alphabetical first; pass <see cref="Continuation"/> back for the next page.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? Continuation);
