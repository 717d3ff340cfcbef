// What the blob-events system topic's identity may do, and no more: add messages to the one queue it delivers to,
// and write dead letters to the one container kept for them. Names follow guid(scope, principal, role), like the
// app's role assignments, so a redeploy finds the same assignment and a recreated topic gets a new one.

@description('Required. Object (principal) ID of the system topic\'s system-assigned identity.')
param principalId string

@description('Required. Name of the storage account (same resource group).')
param storageAccountName string

@description('Required. Name of the queue the topic delivers events to.')
param queueName string

@description('Required. Name of the blob container the topic writes undeliverable events to.')
param deadLetterContainerName string

// Built-in role definition IDs (the same in every tenant).
var roles = {
  // Add messages only: it cannot read, peek or delete them.
  storageQueueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
  // Dead-lettering writes blobs, and no narrower built-in role can; the container scope keeps it to dead letters.
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource queue 'queues' existing = {
      name: queueName
    }
  }

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource queueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::queueService::queue.id, principalId, roles.storageQueueDataMessageSender)
  scope: storage::queueService::queue
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataMessageSender)
    principalType: 'ServicePrincipal'
  }
}

resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetterContainer.id, principalId, roles.storageBlobDataContributor)
  scope: storage::blobService::deadLetterContainer
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalType: 'ServicePrincipal'
  }
}
