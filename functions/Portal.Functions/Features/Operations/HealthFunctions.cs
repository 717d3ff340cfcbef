using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Portal.Functions.Features.Operations;

public sealed class HealthFunctions
{
    [Function(nameof(GetHealth))]
    public IResult GetHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req)
        => Results.Ok(new { status = "ok" });
}
