// The roles the app's identity needs, each on the narrowest scope that works. Names follow
// guid(scope, principal, role) so a redeploy finds the same assignment instead of failing on a duplicate.

@description('Required. Object (principal) ID of the app identity.')
param principalId string

@description('Required. Name of the storage account (same resource group).')
param storageAccountName string

@description('Required. Name of the Service Bus namespace (same resource group).')
param serviceBusNamespaceName string

@description('Required. Name of the integration-events topic.')
param topicName string

@description('Required. Name of the key vault (same resource group).')
param keyVaultName string

@description('Required. Name of the Application Insights component (same resource group).')
param applicationInsightsName string

// Built-in role definition IDs (the same in every tenant).
var roles = {
  // Blobs. What the app needs:
  // - read blobs in documents and materials: the blob-events function reads each file's properties and
  //   metadata, and a download link can never do more than its signer may, because Storage grants a
  //   user-delegation SAS the intersection of its permissions (here read, one blob, 5 minutes) and the roles
  //   of the identity that asked for the delegation key;
  // - generateUserDelegationKey to sign those links. It is an action on the blob service, so only a role
  //   assigned on the account (or above) grants it: on a container it has no effect;
  // - write: the Functions host keeps leases and keys in containers it creates at run time, the app creates
  //   the containers it declares on start, and the platform writes and reads the deployment package with this
  //   identity.
  // Storage Blob Data Contributor on the account covers all three, generateUserDelegationKey included, so
  // Storage Blob Delegator on top would add nothing. Narrower is not possible while the host creates its own
  // containers. Blob Data Owner (what some samples use) adds only ACL management, which a flat namespace
  // account does not have.
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // Queue triggers read and delete messages, features enqueue work, the host moves failures to -poison.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // All portal data lives in tables; the app reads and writes entities (the tables come from this template).
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Send only, on the one topic: the app never reads the ERP's subscription.
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  // Read secret values; cannot list keys, certificates or change anything.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Entra-authenticated telemetry ingestion (the component has local auth disabled).
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName

  resource topic 'topics' existing = {
    name: topicName
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var storageRoles = [
  roles.storageBlobDataContributor
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, principalId, roleId)
    scope: storage
    properties: {
      principalId: principalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalType: 'ServicePrincipal'
    }
  }
]

resource topicSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBus::topic.id, principalId, roles.serviceBusDataSender)
  scope: serviceBus::topic
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalType: 'ServicePrincipal'
  }
}

// On the vault rather than the secret: the secret may not exist yet when this runs, and the vault holds
// only this app's secrets.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalType: 'ServicePrincipal'
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, principalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalType: 'ServicePrincipal'
  }
}

