using System.Reflection;

namespace Portal.Core.Shared.Http;

// What an HTTP function promises its callers. The OpenAPI document (OpenApiDocument) is built from these
// attributes and the function metadata; LocalHost checks every answer against them (ApiContract.Check), so a
// promise that the code does not keep fails a test instead of misleading a client.

/// <summary>
/// An answer the function gives: its status and, when it has one, the .NET type of its body.
/// Every status below 400 the function can answer must be declared; problems (400 and up) are always allowed
/// and documented generically, so declare one only to describe it.
/// </summary>
/// <example><c>[ApiResponse(200, typeof(OrderView))]</c>, <c>[ApiResponse(204)]</c>,
/// <c>[ApiResponse(302, Description = "Redirect to a short-lived download URL")]</c></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiResponseAttribute(int status, Type? body = null) : Attribute
{
    public int Status => status;

    /// <summary>The body's type; the body may be of this type or one assignable to it. Null: no body.</summary>
    public Type? Body => body;

    /// <summary>What the answer means; the status's reason phrase when not given.</summary>
    public string? Description { get; init; }

    public string ContentType { get; init; } = "application/json";
}

/// <summary>The request body the function reads, and the media types it accepts.</summary>
/// <example><c>[ApiRequest(typeof(CheckoutRequest))]</c>;
/// <c>[ApiRequest(typeof(ProductImport), ContentTypes = ["text/csv", "application/x-ndjson"])]</c>: for CSV and NDJSON
/// the body is a file of rows or lines, each one item of the type.</example>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiRequestAttribute(Type body) : Attribute
{
    /// <summary>The body's type; for line formats (CSV, NDJSON) the type of one row or line.</summary>
    public Type Body => body;

    public string[] ContentTypes { get; init; } = ["application/json"];

    /// <summary>More about the body, e.g. extra CSV columns; added to the document's request description.</summary>
    public string? Description { get; init; }
}

/// <summary>A query-string value the function reads (functions read them from <c>req.Query</c> in code).</summary>
/// <example><c>[ApiQuery("status", typeof(OrderStatus), "Only orders in this status")]</c>,
/// <c>[ApiQuery("pageSize", typeof(int), "1–100, default 25")]</c></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiQueryAttribute(string name, Type type, string description) : Attribute
{
    public string Name => name;

    /// <summary>string, int, long, bool, decimal, Guid, DateOnly, DateTimeOffset or an enum (camelCase names).</summary>
    public Type Type => type;

    public string Description => description;
}

/// <summary>A request header the function reads.</summary>
/// <example><c>[ApiHeader("If-Match", "The cart version you reviewed", Required = true)]</c></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiHeaderAttribute(string name, string description) : Attribute
{
    public string Name => name;

    public string Description => description;

    public bool Required { get; init; }
}

/// <summary>One line saying what the operation does.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiSummaryAttribute(string summary) : Attribute
{
    public string Summary => summary;
}

/// <summary>
/// The function needs no session (it runs with <see cref="Access.Anonymous"/>: sign-in, health). Without it the
/// document says a session is required, and LocalHost's contract check refuses a success answered to a request
/// that carried no cookie at all.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiAnonymousAttribute : Attribute;

/// <summary>
/// The declared contract of one HTTP function, read once from its attributes, and the check of an actual answer
/// against it.
/// </summary>
public sealed class ApiContract
{
    private ApiContract(string function, MethodInfo method, IReadOnlyList<ApiResponseAttribute> responses, bool anonymous)
    {
        Function = function;
        Method = method;
        Responses = responses;
        Anonymous = anonymous;
    }

    public string Function { get; }
    public MethodInfo Method { get; }

    /// <summary>The declared answers, by status.</summary>
    public IReadOnlyList<ApiResponseAttribute> Responses { get; }

    public bool Anonymous { get; }

    /// <summary>Whether the function declares its answers at all (at least one <see cref="ApiResponseAttribute"/>).</summary>
    public bool IsDeclared => Responses.Count > 0;

    /// <summary>Reads the contract attributes of a function method; throws when a status is declared twice.</summary>
    public static ApiContract For(string function, MethodInfo method)
    {
        var responses = method.GetCustomAttributes<ApiResponseAttribute>().OrderBy(r => r.Status).ToList();
        foreach (var twice in responses.GroupBy(r => r.Status).Where(g => g.Count() > 1))
        {
            throw new InvalidOperationException(
                $"Function '{function}' ({Describe(method)}) declares [ApiResponse({twice.Key})] more than once; declare each status once.");
        }
        return new ApiContract(function, method, responses, method.GetCustomAttribute<ApiAnonymousAttribute>() is not null);
    }

    /// <summary>
    /// Null when an answer keeps the contract, else what is wrong, naming the function, the status and the types.
    /// Problems (400 and up) always keep it. A success to a request without any cookie must come from an
    /// <see cref="ApiAnonymousAttribute"/> function.
    /// </summary>
    public string? Check(int status, object? body, bool requestHadCookies = true)
    {
        if (status >= 400)
        {
            return null;
        }
        var answered = $"answered {status} with {(body is null ? "no body" : $"a {TypeNames.Display(body.GetType())} body")}";
        var declared = Responses.FirstOrDefault(r => r.Status == status);
        if (declared is null)
        {
            return $"Function '{Function}' ({Describe(Method)}) {answered}, but declares {DeclaredList()}. " +
                   $"Declare [ApiResponse({status}{(body is null ? "" : $", typeof({TypeNames.Display(body.GetType())})")})] or fix the function.";
        }
        if (declared.Body is null && body is not null)
        {
            return $"Function '{Function}' ({Describe(Method)}) {answered}, but [ApiResponse({status})] declares no body.";
        }
        if (declared.Body is not null && body is null)
        {
            return $"Function '{Function}' ({Describe(Method)}) {answered}, but [ApiResponse({status})] declares a {TypeNames.Display(declared.Body)} body.";
        }
        if (declared.Body is not null && body is not null && !declared.Body.IsInstanceOfType(body))
        {
            return $"Function '{Function}' ({Describe(Method)}) {answered}, but [ApiResponse({status})] declares a " +
                   $"{TypeNames.Display(declared.Body)} body, which {TypeNames.Display(body.GetType())} is not.";
        }
        if (!Anonymous && !requestHadCookies)
        {
            return $"Function '{Function}' ({Describe(Method)}) {answered} to a request without a session cookie, " +
                   "so it runs without a session; mark it [ApiAnonymous] so the document says so.";
        }
        return null;
    }

    private string DeclaredList() =>
        Responses.Count == 0
            ? "no [ApiResponse] at all"
            : string.Join(", ", Responses.Select(r => r.Body is null ? $"{r.Status} (no body)" : $"{r.Status} {TypeNames.Display(r.Body)}"));

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}

/// <summary>Readable C#-like type names for messages: <c>ListPage&lt;OrderSummaryView&gt;</c>, not <c>ListPage`1</c>.</summary>
internal static class TypeNames
{
    public static string Display(Type type) => Build(type, full: false);

    public static string DisplayFull(Type type) => Build(type, full: true);

    private static string Build(Type type, bool full)
    {
        if (type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal))
        {
            return "anonymous type";
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Build(underlying, full) + "?";
        }
        if (type.IsArray)
        {
            return Build(type.GetElementType()!, full) + "[]";
        }
        var name = full ? (type.FullName ?? type.Name) : type.Name;
        if (!type.IsGenericType)
        {
            return name.Replace('+', '.');
        }
        var tick = type.Name.IndexOf('`');
        var bare = tick < 0 ? type.Name : type.Name[..tick];
        var prefix = full && type.Namespace is { } ns ? ns + "." : "";
        var outer = full && type.DeclaringType is { } declaring ? Build(declaring, full: false) + "." : "";
        return $"{prefix}{outer}{bare}<{string.Join(", ", type.GetGenericArguments().Select(a => Build(a, full)))}>";
    }
}
