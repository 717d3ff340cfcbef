namespace Portal.Core.Shared.Http;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiResponseAttribute(int status, Type? body = null) : Attribute
{
    public int Status => status;
    public Type? Body => body;
    public string? Description { get; init; }
    public string ContentType { get; init; } = "application/json";
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiRequestAttribute(Type body) : Attribute
{
    public Type Body => body;
    public string[] ContentTypes { get; init; } = ["application/json"];
}

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiQueryAttribute(string name, Type type, string description) : Attribute
{
    public string Name => name;
    public Type Type => type;
    public string Description => description;
}

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiHeaderAttribute(string name, string description) : Attribute
{
    public string Name => name;
    public string Description => description;
    public bool Required { get; init; }
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiSummaryAttribute(string summary) : Attribute
{
    public string Summary => summary;
}
