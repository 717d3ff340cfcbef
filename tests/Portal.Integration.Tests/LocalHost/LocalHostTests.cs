using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Portal.LocalHost;

namespace Portal.Integration.Tests.LocalHost;

[Collection(PortalCollection.Name)]
public sealed class LocalHostTests(PortalFixture fixture)
{
    [Fact]
    public async Task Http_function_binds_route_values_with_constraints_and_query_values()
    {
        using var client = fixture.CreateClient();

        var response = await client.GetAsync("/api/test/items/42/widgets?filter=blue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(42, body.GetProperty("id").GetInt32());
        Assert.Equal("widgets", body.GetProperty("slug").GetString());
        Assert.Equal("blue", body.GetProperty("filter").GetString());
    }

    [Fact]
    public async Task Route_constraints_are_enforced_and_optional_segments_may_be_left_out()
    {
        using var client = fixture.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/test/items/not-a-number")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/test/items/7/123")).StatusCode);
        var withoutSlug = await client.GetAsync("/api/test/items/7");
        Assert.Equal(HttpStatusCode.OK, withoutSlug.StatusCode);
        Assert.Equal(JsonValueKind.Undefined, (await withoutSlug.ReadJsonAsync()).TryGetProperty("slug", out var slug) ? slug.ValueKind : JsonValueKind.Undefined);
    }

    [Fact]
    public async Task Http_function_answers_only_its_verbs_and_other_verbs_get_404_as_from_the_Functions_host()
    {
        using var client = fixture.CreateClient();

        var response = await client.SendRawAsync(HttpMethod.Delete, "/api/test/items/1", null, null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Queue_function_receives_the_base64_message_once_and_it_is_removed()
    {
        var message = "ok-" + Guid.NewGuid();
        var queue = RawQueue(TestFunctions.SucceedingQueue);
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(message)));

        await Eventually(() => TestFunctions.Deliveries.ContainsKey(message));
        await Task.Delay(500);

        Assert.Equal(1, TestFunctions.Deliveries[message]);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Failing_queue_function_is_retried_up_to_max_dequeue_count_then_moved_to_poison()
    {
        var message = "fail-" + Guid.NewGuid();
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(message));
        await RawQueue(TestFunctions.FailingQueue).SendMessageAsync(encoded);
        var poison = RawQueue(TestFunctions.FailingQueue + "-poison");

        string? poisoned = null;
        await Eventually(async () =>
        {
            foreach (var peeked in (await poison.PeekMessagesAsync(32)).Value)
            {
                if (peeked.Body.ToString() == encoded)
                {
                    poisoned = peeked.Body.ToString();
                }
            }
            return poisoned is not null;
        }, TimeSpan.FromSeconds(60));

        // host.json says maxDequeueCount 5: five deliveries, then the message, unchanged, in the poison queue.
        Assert.Equal(5, TestFunctions.Deliveries[message]);
        Assert.Equal(encoded, poisoned);
    }

    [Fact]
    public void Host_json_queue_settings_are_read_from_the_function_app()
    {
        var hostJson = HostJson.Load(Path.Combine(PortalFixture.RepositoryRoot, "functions", "Portal.Functions", "host.json"));

        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.Equal(5, hostJson.Queues.MaxDequeueCount);
        Assert.Equal("base64", hostJson.Queues.MessageEncoding);
        Assert.Equal(TimeSpan.FromSeconds(5), hostJson.Queues.VisibilityTimeout);
        Assert.Equal(16, hostJson.Queues.BatchSize);
    }

    [Theory]
    [InlineData(typeof(FunctionWithContext), "UsesContext", "FunctionContext")]
    [InlineData(typeof(FunctionWithKey), "UsesFunctionKey", "AuthorizationLevel.Function")]
    [InlineData(typeof(FunctionWithOutputBinding), "UsesOutputBinding", "output binding")]
    [InlineData(typeof(FunctionWithTypedPayload), "UsesTypedPayload", "take it as string")]
    public void LocalHost_refuses_functions_it_cannot_run_like_the_Functions_host_and_names_them(Type type, string function, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Discover([type], _ => ""));

        Assert.Contains($"'{function}'", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void LocalHost_maps_exactly_what_the_Worker_SDK_generated_in_functions_metadata()
    {
        var metadataPath = FunctionsMetadataPath();
        using var document = JsonDocument.Parse(File.ReadAllText(metadataPath));
        var generated = document.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            var type = trigger.GetProperty("type").GetString();
            return type == "httpTrigger"
                ? $"{function.GetProperty("name").GetString()} {function.GetProperty("entryPoint").GetString()} http " +
                  $"{trigger.GetProperty("route").GetString()} {string.Join(',', trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order())}"
                : $"{function.GetProperty("name").GetString()} {function.GetProperty("entryPoint").GetString()} queue {trigger.GetProperty("queueName").GetString()}";
        }).Order().ToList();

        var mapped = fixture.Portal.Functions
            .Where(f => f.ClassType.Assembly == typeof(Portal.Functions.Shared.HealthFunctions).Assembly)
            .Select(f => f switch
            {
                HttpFunction http => $"{http.Name} {http.EntryPoint} http {http.Route} {string.Join(',', http.Verbs.Order())}",
                QueueFunction queue => $"{queue.Name} {queue.EntryPoint} queue {queue.QueueName}",
                _ => throw new InvalidOperationException(),
            }).Order().ToList();

        Assert.NotEmpty(generated);
        Assert.Equal(generated, mapped);
    }

    private static string FunctionsMetadataPath()
    {
        // The test runs from tests/Portal.Integration.Tests/bin/<Configuration>/<tfm>/; the Function App builds alongside.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var path = Path.Combine(PortalFixture.RepositoryRoot, "functions", "Portal.Functions", "bin", configuration, output.Name, "functions.metadata");
        Assert.True(File.Exists(path), $"The Worker SDK did not generate {path}; build the Function App first.");
        return path;
    }

    private QueueClient RawQueue(string name) =>
        new(fixture.Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    internal static Task Eventually(Func<bool> condition, TimeSpan? timeout = null) => Eventually(() => Task.FromResult(condition()), timeout);

    internal static async Task Eventually(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time.");
            await Task.Delay(100);
        }
    }
}
