namespace Portal.LocalHost;

/// <summary>
/// Which answers LocalHost checks against the functions' declared API contracts (ApiContract: [ApiResponse],
/// [ApiAnonymous]), so that the OpenAPI document built from them cannot drift from what the code does. Answers
/// are ApiResult (what PortalEndpoint returns); other IActionResults are not checked.
/// </summary>
public enum ContractChecks
{
    /// <summary>No checks.</summary>
    Off,

    /// <summary>Answers of functions that declare at least one [ApiResponse]; the others are not annotated yet.</summary>
    Declared,

    /// <summary>Every function's answers: one without [ApiResponse] breaks its contract with any answer below 400.</summary>
    All,
}
