namespace Portal.Core.Shared;

/// <summary>
/// A failure the caller can act on. Thrown by features, turned into RFC 9457 problem details at the HTTP edge.
/// The <see cref="Type"/> is a stable identifier clients may switch on; <see cref="Title"/> is for people.
/// </summary>
public sealed class PortalProblemException : Exception
{
    public PortalProblemException(int status, string type, string title, string? detail = null,
        IReadOnlyDictionary<string, string[]>? errors = null)
        : base(detail ?? title)
    {
        Status = status;
        Type = type;
        Title = title;
        Detail = detail;
        Errors = errors;
    }

    public int Status { get; }
    public string Type { get; }
    public string Title { get; }
    public string? Detail { get; }
    public IReadOnlyDictionary<string, string[]>? Errors { get; }
}

/// <summary>The catalogue of problem kinds. Each has a stable type URI under /problems/.</summary>
public static class Problems
{
    public const string TypeBase = "https://customer-portal.example/problems/";

    public static PortalProblemException Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new(400, TypeBase + "validation", "The request has invalid fields.", detail ?? "Correct the fields listed in 'errors' and try again.", errors);

    public static PortalProblemException Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static PortalProblemException MalformedBody(string detail) =>
        new(400, TypeBase + "malformed-body", "The request body could not be read.", detail);

    public static PortalProblemException BodyTooLarge(long limit) =>
        new(413, TypeBase + "body-too-large", "The request body is too large.", $"Send at most {limit} bytes.");

    public static PortalProblemException UnsupportedMediaType() =>
        new(415, TypeBase + "unsupported-media-type", "Send the body as application/json.");

    public static PortalProblemException NotFound(string what = "The resource") =>
        new(404, TypeBase + "not-found", "Not found.", $"{what} does not exist or is not available to you.");

    public static PortalProblemException Unauthenticated(string? detail = null) =>
        new(401, TypeBase + "unauthenticated", "Sign in to continue.", detail ?? "Your session is missing or has ended.");

    public static PortalProblemException SignInFailed() =>
        new(401, TypeBase + "sign-in-failed", "The username or password is not correct.");

    public static PortalProblemException TooManyAttempts(TimeSpan retryAfter) =>
        new(429, TypeBase + "too-many-attempts", "Too many sign-in attempts.",
            $"Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} minute(s).");

    public static PortalProblemException Forbidden(string detail) =>
        new(403, TypeBase + "forbidden", "You may not do this.", detail);

    public static PortalProblemException CsrfRejected() =>
        new(403, TypeBase + "csrf", "The request did not come from the portal.",
            "State-changing requests must come from the portal page and carry its X-CSRF-Token header.");

    public static PortalProblemException ExternalAccessOff() =>
        new(403, TypeBase + "external-access-off", "The portal is closed to customers at the moment.",
            "Your supplier has switched external access off. Contact them for details.");

    /// <summary>A customer user in no customer access group: the right password, but nothing to sign in to.</summary>
    public static PortalProblemException NoAccessGroup() =>
        new(403, TypeBase + "no-access-group", "Your account has no access to the portal yet.",
            "Your supplier has not put your account in a customer access group. Ask them to give you access.");

    /// <summary>Every refusal of a work-account sign-in: the answer does not say which check failed.</summary>
    public static PortalProblemException FederatedSignInFailed() =>
        new(401, TypeBase + "federated-sign-in-failed", "Your work account cannot sign in to this portal.",
            "Ask your supplier to give your work account access to the portal, then try again.");

    public static PortalProblemException Conflict(string detail) =>
        new(409, TypeBase + "conflict", "The request conflicts with the current state.", detail);

    public static PortalProblemException PreconditionFailed() =>
        new(412, TypeBase + "stale", "Someone changed this in the meantime.", "Reload it, check the changes and try again.");

    public static PortalProblemException PreconditionRequired() =>
        new(428, TypeBase + "if-match-required", "Send the If-Match header with the ETag you last read.");
}
