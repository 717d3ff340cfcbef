using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Core.Features.Documents;
using Portal.Core.Shared;
using Portal.Core.Shared.Files;

namespace Portal.Infra.Tests;

/// <summary>
/// How supplier uploads reach the app in Azure: the storage account's Event Grid system topic delivers the blob events of
/// the supplier containers to the queue the app's function reads, signing in with its own identity, which may do
/// nothing more than that. Read from the deployment snapshot, so IDs and scopes are compared as they will be deployed.
/// </summary>
public sealed partial class BlobEventsTests
{
    private const string QueueMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    [Fact]
    public async Task The_storage_account_has_a_system_topic_with_a_system_assigned_identity()
    {
        var snapshot = await DeploymentSnapshot.LoadAsync();
        var storage = snapshot.Single("Microsoft.Storage/storageAccounts");
        var topic = snapshot.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]?["topicType"]);
        Assert.Equal((string?)storage["id"], (string?)topic["properties"]?["source"]);
        // A system topic lives in its source's region.
        Assert.Equal((string?)storage["location"], (string?)topic["location"]);
        Assert.Equal("SystemAssigned", (string?)topic["identity"]?["type"]);
    }

    [Fact]
    public async Task Events_go_to_the_blob_events_queue_with_the_topic_identity_in_the_Event_Grid_schema()
    {
        var snapshot = await DeploymentSnapshot.LoadAsync();
        var storageId = (string)snapshot.Single("Microsoft.Storage/storageAccounts")["id"]!;
        var subscriptions = await SubscriptionsAsync();

        Assert.NotEmpty(subscriptions);
        Assert.All(subscriptions, subscription =>
        {
            var name = (string?)subscription["name"];
            var properties = subscription["properties"]!;
            // A plain destination would deliver with an account key, which the account does not accept.
            Assert.True(properties["destination"] is null, $"{name} must deliver with the topic identity, not a plain destination.");
            var delivery = properties["deliveryWithResourceIdentity"];
            Assert.Equal("SystemAssigned", (string?)delivery?["identity"]?["type"]);
            Assert.Equal("StorageQueue", (string?)delivery?["destination"]?["endpointType"]);
            var queue = delivery?["destination"]?["properties"];
            Assert.Equal(storageId, (string?)queue?["resourceId"]);
            Assert.Equal(DocumentsTables.BlobEventsQueue, (string?)queue?["queueName"]);
            Assert.True(
                queue?["queueMessageTimeToLiveInSeconds"] is JsonValue ttl && ttl.TryGetValue<int>(out var seconds) && seconds > 0,
                $"{name} should give its queue messages a time-to-live.");
            // The queue function parses each message with EventGridEvent.Parse.
            Assert.Equal("EventGridSchema", (string?)properties["eventDeliverySchema"]);
            Assert.True(
                properties["retryPolicy"]?["maxDeliveryAttempts"] is JsonValue attempts && attempts.GetValue<int>() > 1 &&
                properties["retryPolicy"]?["eventTimeToLiveInMinutes"] is JsonValue minutes && minutes.GetValue<int>() > 0,
                $"{name} should set its retry policy.");
        });
        Assert.True(snapshot.Contains($"{storageId}/queueServices/default/queues/{DocumentsTables.BlobEventsQueue}"), "The template must create the queue.");
    }

    [Fact]
    public async Task Only_blob_created_and_deleted_events_of_the_supplier_containers_are_delivered()
    {
        var subscriptions = await SubscriptionsAsync();
        var containers = new List<string>();

        Assert.NotEmpty(subscriptions);
        foreach (var subscription in subscriptions)
        {
            var name = (string?)subscription["name"];
            var filter = subscription["properties"]?["filter"];
            var types = (filter?["includedEventTypes"] as JsonArray ?? []).Select(t => (string?)t).Order();
            Assert.Equal(new[] { SupplierFiles.BlobCreated, SupplierFiles.BlobDeleted }.Order(), types);

            var prefixes = SubjectPrefixes(filter);
            Assert.True(prefixes.Count > 0, $"{name} delivers the events of every container; filter its subject to the supplier containers.");
            foreach (var prefix in prefixes)
            {
                var match = ContainerPrefix().Match(prefix);
                Assert.True(match.Success, $"{name}: '{prefix}' should be /blobServices/default/containers/{{container}}/ or .../{{container}}/blobs/, naming a whole container.");
                containers.Add(match.Groups["container"].Value);
            }
        }

        // Every container the app declares except the attachments, which only the app itself writes.
        var supplierContainers = AppStorageLayout.Declared(StorageResourceKind.BlobContainer).Where(c => c != Attachments.Container);
        Assert.Equal(supplierContainers.Order(), containers.Distinct().Order());
    }

    [Fact]
    public async Task The_topic_identity_may_send_to_the_blob_events_queue_and_nothing_broader()
    {
        var snapshot = await DeploymentSnapshot.LoadAsync();
        var storageId = (string)snapshot.Single("Microsoft.Storage/storageAccounts")["id"]!;
        var topicId = (string)snapshot.Single("Microsoft.EventGrid/systemTopics")["id"]!;
        var queueId = $"{storageId}/queueServices/default/queues/{DocumentsTables.BlobEventsQueue}";

        // Dead-lettering, where a subscription has it, needs blob write on its container and on nothing else.
        var expected = new List<(string Scope, string Role)> { (queueId, QueueMessageSender) };
        foreach (var subscription in await SubscriptionsAsync())
        {
            var properties = subscription["properties"]!;
            Assert.True(properties["deadLetterDestination"] is null, $"{subscription["name"]} must dead-letter with the topic identity, not an account key.");
            if (properties["deadLetterWithResourceIdentity"] is { } deadLetter)
            {
                Assert.Equal("SystemAssigned", (string?)deadLetter["identity"]?["type"]);
                Assert.Equal("StorageBlob", (string?)deadLetter["deadLetterDestination"]?["endpointType"]);
                var target = deadLetter["deadLetterDestination"]?["properties"];
                var container = (string?)target?["blobContainerName"];
                var containerId = $"{(string?)target?["resourceId"]}/blobServices/default/containers/{container}";
                Assert.True(snapshot.Contains(containerId), $"The dead-letter container {containerId} must be created by the template.");
                // A dead letter in a watched container would raise an event of its own.
                Assert.DoesNotContain(container, AppStorageLayout.Declared(StorageResourceKind.BlobContainer));
                expected.Add((containerId, BlobDataContributor));
            }
        }

        var assignments = snapshot.RoleAssignmentsOf(topicId);

        Assert.Equal(
            expected.Distinct().Select(e => $"{e.Role} on {e.Scope}").Order(),
            assignments.Select(a => $"{a.RoleId} on {a.Scope}").Order());
        Assert.All(assignments, a => Assert.True(a.IsNamedFromScopePrincipalAndRole, $"{a.Name} should be guid(scope.id, principalId, roleId)."));
        Assert.All(assignments, a => Assert.NotEqual(storageId, a.Scope, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_app_identity_reads_supplier_files_and_creates_delegation_keys_on_the_account()
    {
        // Download links are user-delegation SAS: the key comes from the blob service (a role on the account, not on
        // a container), and the link can read a blob only while the identity that asked for the key can.
        var snapshot = await DeploymentSnapshot.LoadAsync();
        var storageId = (string)snapshot.Single("Microsoft.Storage/storageAccounts")["id"]!;
        var identityId = (string)snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;

        var assignments = snapshot.RoleAssignmentsOf(identityId);

        Assert.Contains(assignments, a => a.RoleId == BlobDataContributor && string.Equals(a.Scope, storageId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The event subscriptions of the system topic.</summary>
    private static async Task<IReadOnlyList<JsonObject>> SubscriptionsAsync()
    {
        var snapshot = await DeploymentSnapshot.LoadAsync();
        var topicId = (string)snapshot.Single("Microsoft.EventGrid/systemTopics")["id"]!;
        return snapshot.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions")
            .Where(s => ((string?)s["id"] ?? "").StartsWith($"{topicId}/eventSubscriptions/", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>
    /// The subject prefixes a subscription lets through: subjectBeginsWith, or the values of a StringBeginsWith filter on
    /// subject (any one of them). With neither, every subject passes and the list is empty.
    /// </summary>
    private static List<string> SubjectPrefixes(JsonNode? filter)
    {
        var beginsWith = (string?)filter?["subjectBeginsWith"];
        var advanced = (filter?["advancedFilters"] as JsonArray ?? [])
            .Where(f => (string?)f?["key"] == "subject" && (string?)f?["operatorType"] == "StringBeginsWith")
            .ToList();
        Assert.True(string.IsNullOrEmpty(beginsWith) || advanced.Count == 0, "Use subjectBeginsWith or one StringBeginsWith filter on subject, not both.");
        Assert.True(advanced.Count <= 1, "Several StringBeginsWith filters on subject must all match; use one with several values.");
        return !string.IsNullOrEmpty(beginsWith)
            ? [beginsWith]
            : advanced.SelectMany(f => f!["values"] as JsonArray ?? []).Select(v => (string)v!).ToList();
    }

    [GeneratedRegex(@"^/blobServices/default/containers/(?<container>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)/(blobs/)?$")]
    private static partial Regex ContainerPrefix();
}
