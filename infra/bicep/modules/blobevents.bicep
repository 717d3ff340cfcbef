// Supplier files reach the app through Event Grid: the storage account's system topic publishes BlobCreated and
// BlobDeleted for the supplier containers, and one subscription writes each event (Event Grid schema) into a Storage
// queue that a queue function reads. Shared keys are off on the account, so Event Grid signs in with the topic's own
// system-assigned identity, which may send messages to that one queue and write dead letters to one container -
// nothing else on the account.

@description('Required. Name of the Event Grid system topic.')
@minLength(3)
@maxLength(128)
param name string

@description('Required. Azure region of the system topic; it must be the storage account\'s region.')
param location string

@description('Required. Name of the storage account whose blob events are published (same resource group).')
param storageAccountName string

@description('Required. Blob containers whose created and deleted blobs are delivered; blobs elsewhere in the account raise no message.')
@minLength(1)
@maxLength(25)
param containerNames string[]

@description('Required. Existing queue in the same account that receives the events.')
param queueName string

@description('Required. Existing blob container in the same account for events that could not be delivered.')
param deadLetterContainerName string

@description('Optional. Delivery attempts before an event is dead-lettered.')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 30

@description('Optional. Minutes Event Grid keeps retrying an event before it is dead-lettered.')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

@description('Optional. Seconds a delivered message stays in the queue unread before Storage drops it.')
@minValue(3600)
param queueMessageTimeToLiveInSeconds int = 1209600

@description('Optional. Tags applied to the system topic.')
param tags object = {}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// A module of its own: a role assignment's name must be known when the deployment starts, and the topic's
// principal ID is known only once the topic exists.
module access 'blobeventsrbac.bicep' = {
  name: 'blobEventsRbac'
  params: {
    principalId: systemTopic.identity.principalId
    storageAccountName: storage.name
    queueName: queueName
    deadLetterContainerName: deadLetterContainerName
  }
}

resource toQueue 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: queueName
  // Event Grid starts delivering as soon as the subscription exists; with the roles in place first, the first
  // uploads after a deployment do not wait for a retry.
  dependsOn: [
    access
  ]
  properties: {
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: queueName
          // The handler checks each blob as it is now, so an old message is still safe to handle; the default of
          // two weeks lets a long outage of the Function App pass without losing the event of an upload.
          queueMessageTimeToLiveInSeconds: queueMessageTimeToLiveInSeconds
        }
      }
    }
    // The queue function parses EventGridEvent; CloudEvents would not parse.
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
        'Microsoft.Storage.BlobDeleted'
      ]
      // Subjects are /blobServices/default/containers/{container}/blobs/{name}. The trailing "/blobs/" keeps a
      // container whose name merely starts the same (documents-old) out; the deployment package and dead letters
      // in the same account raise no message.
      advancedFilters: [
        {
          operatorType: 'StringBeginsWith'
          key: 'subject'
          values: [for containerName in containerNames: '/blobServices/default/containers/${containerName}/blobs/']
        }
      ]
    }
    // The queue is in the same account, so failures are short (a role still propagating after the first
    // deployment, a throttled account): retry for the full day Event Grid allows, then keep the event as a blob.
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

@description('Name of the system topic.')
output name string = systemTopic.name

@description('Resource ID of the system topic.')
output resourceId string = systemTopic.id

@description('Name of the event subscription that fills the queue.')
output subscriptionName string = toQueue.name
