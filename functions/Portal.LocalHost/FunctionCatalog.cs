using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Portal.LocalHost;

/// <summary>One [Function] method as LocalHost runs it.</summary>
public abstract record FunctionDescriptor(string Name, MethodInfo Method)
{
    public Type ClassType => Method.DeclaringType!;
    public string EntryPoint => $"{ClassType.FullName}.{Method.Name}";
}

public sealed record HttpFunction(string Name, MethodInfo Method, string Route, IReadOnlyList<string> Verbs, ParameterInfo Trigger)
    : FunctionDescriptor(Name, Method);

public sealed record QueueFunction(string Name, MethodInfo Method, string QueueName, ParameterInfo Trigger)
    : FunctionDescriptor(Name, Method);

/// <summary>
/// Finds the functions in the given assemblies the way the Worker SDK does, and refuses — naming the function —
/// anything LocalHost could not run exactly as the Functions host would (see docs/architecture.md): output bindings,
/// input bindings, FunctionContext, HttpRequestData, function keys, queue payloads other than string.
/// </summary>
public static class FunctionCatalog
{
    private static readonly HashSet<Type> HttpReturnTypes =
    [
        typeof(IActionResult), typeof(Task<IActionResult>), typeof(ValueTask<IActionResult>),
        typeof(IResult), typeof(Task<IResult>), typeof(ValueTask<IResult>),
    ];

    private static readonly HashSet<Type> QueueReturnTypes = [typeof(void), typeof(Task), typeof(ValueTask)];

    /// <summary>Types a route or query value can be bound to by name, as the worker's converters do.</summary>
    internal static readonly HashSet<Type> BindableValueTypes =
    [
        typeof(string), typeof(int), typeof(long), typeof(bool), typeof(Guid), typeof(decimal), typeof(double),
        typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly),
    ];

    public static IReadOnlyList<FunctionDescriptor> Discover(IEnumerable<Assembly> assemblies, Func<string, string> resolveSetting) =>
        Discover(assemblies.SelectMany(a => a.GetExportedTypes()), resolveSetting);

    public static IReadOnlyList<FunctionDescriptor> Discover(IEnumerable<Type> types, Func<string, string> resolveSetting)
    {
        var functions = new List<FunctionDescriptor>();
        var problems = new List<string>();
        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var attribute = method.GetCustomAttribute<FunctionAttribute>();
                if (attribute is null)
                {
                    continue;
                }
                var errors = new List<string>();
                var descriptor = Describe(attribute.Name, method, resolveSetting, errors);
                if (errors.Count > 0)
                {
                    problems.AddRange(errors.Select(e => $"Function '{attribute.Name}' ({type.FullName}.{method.Name}): {e}"));
                }
                else if (descriptor is not null)
                {
                    functions.Add(descriptor);
                }
            }
        }

        foreach (var duplicate in functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Function name '{duplicate.Key}' is used by more than one method; the Functions host requires unique names.");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "LocalHost cannot run these functions the same way as the Azure Functions host:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
        return functions;
    }

    private static FunctionDescriptor? Describe(string name, MethodInfo method, Func<string, string> resolveSetting, List<string> errors)
    {
        if (method.ReturnParameter.GetCustomAttributes().Any(a => a is OutputBindingAttribute) ||
            method.ReturnType.GetProperties().Any(p => p.GetCustomAttributes().Any(a => a is OutputBindingAttribute)))
        {
            errors.Add("uses an output binding; write to storage through a Core service instead.");
        }

        ParameterInfo? trigger = null;
        foreach (var parameter in method.GetParameters())
        {
            var bindings = parameter.GetCustomAttributes().OfType<BindingAttribute>().ToList();
            if (bindings.Any(b => b is TriggerBindingAttribute))
            {
                trigger = parameter;
            }
            else if (bindings.Count > 0)
            {
                errors.Add($"parameter '{parameter.Name}' uses the {bindings[0].GetType().Name}; read data through a Core service instead.");
            }
        }

        switch (trigger?.GetCustomAttributes().OfType<TriggerBindingAttribute>().Single())
        {
            case HttpTriggerAttribute http:
                return DescribeHttp(name, method, trigger, http, errors);
            case QueueTriggerAttribute queue:
                return DescribeQueue(name, method, trigger, queue, resolveSetting, errors);
            case null:
                errors.Add("has no trigger parameter.");
                return null;
            case var other:
                errors.Add($"uses {other.GetType().Name}; LocalHost runs HTTP and Storage queue triggers only.");
                return null;
        }
    }

    private static HttpFunction? DescribeHttp(string name, MethodInfo method, ParameterInfo trigger, HttpTriggerAttribute http, List<string> errors)
    {
        if (http.AuthLevel != AuthorizationLevel.Anonymous)
        {
            errors.Add($"uses AuthorizationLevel.{http.AuthLevel}; function keys are not used here — authorize in code with PortalEndpoint and Access.");
        }
        if (trigger.ParameterType != typeof(HttpRequest))
        {
            errors.Add($"binds the HTTP trigger to {trigger.ParameterType.Name}; use Microsoft.AspNetCore.Http.HttpRequest.");
        }
        if (!HttpReturnTypes.Contains(method.ReturnType))
        {
            errors.Add($"returns {method.ReturnType.Name}; return IActionResult or IResult (optionally in a Task).");
        }
        // By position, not reference: the first GetParameters() calls on a method from several threads (portals
        // starting side by side in the tests) can each get their own ParameterInfo objects for the same parameter.
        foreach (var parameter in method.GetParameters().Where(p => p.Position != trigger.Position))
        {
            CheckPlainParameter(parameter, errors, allowValues: true);
        }
        var verbs = (http.Methods is { Length: > 0 } ? http.Methods : ["get", "post", "put", "patch", "delete", "head", "options"])
            .Select(m => m.ToUpperInvariant()).ToList();
        return new HttpFunction(name, method, http.Route ?? name, verbs, trigger);
    }

    private static QueueFunction? DescribeQueue(string name, MethodInfo method, ParameterInfo trigger, QueueTriggerAttribute queue,
        Func<string, string> resolveSetting, List<string> errors)
    {
        if (trigger.ParameterType != typeof(string))
        {
            errors.Add($"binds the queue message to {trigger.ParameterType.Name}; take it as string and deserialize it in code.");
        }
        if (queue.Connection is not null && queue.Connection != "AzureWebJobsStorage")
        {
            errors.Add($"reads queue connection '{queue.Connection}'; the app uses the one storage account, AzureWebJobsStorage.");
        }
        if (!QueueReturnTypes.Contains(method.ReturnType))
        {
            errors.Add($"returns {method.ReturnType.Name}; a queue function returns void or Task (a return value would be an output binding).");
        }
        foreach (var parameter in method.GetParameters().Where(p => p.Position != trigger.Position))
        {
            CheckPlainParameter(parameter, errors, allowValues: false);
        }
        return new QueueFunction(name, method, ResolveBindingExpression(queue.QueueName, resolveSetting), trigger);
    }

    private static void CheckPlainParameter(ParameterInfo parameter, List<string> errors, bool allowValues)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return;
        }
        if (type == typeof(FunctionContext))
        {
            errors.Add($"takes FunctionContext ('{parameter.Name}'); function code may use only ASP.NET Core types, DI services and the trigger payload.");
        }
        else if (!allowValues || !BindableValueTypes.Contains(type))
        {
            errors.Add($"takes parameter '{parameter.Name}' of type {parameter.ParameterType.Name}, which is not bindable here" +
                       (allowValues ? " (route/query values must be simple types)." : " (a queue function takes the message string and a CancellationToken)."));
        }
    }

    /// <summary>"%CheckoutQueue%" → the value of setting CheckoutQueue, as the Functions host resolves binding expressions.</summary>
    internal static string ResolveBindingExpression(string value, Func<string, string> resolveSetting) =>
        System.Text.RegularExpressions.Regex.Replace(value, "%([^%]+)%", m => resolveSetting(m.Groups[1].Value));
}
