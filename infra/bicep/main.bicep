// One environment of the Customer Portal in one resource group: the Function App (API and queue work),
// its storage and the Event Grid topic that reports supplier uploads, Service Bus for ERP events, Key Vault for
// the session key, monitoring, and the static web app.
// Deploy with main.bicepparam; docs/deploy.md has the steps.

targetScope = 'resourceGroup'

@description('Required. Short environment name used in resource names, e.g. "prod" or "test" (2-8 lowercase letters or digits).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Optional. Azure region of every resource except the static web app. Defaults to the resource group\'s region, which must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Required. Region of the static web app; Static Web Apps is offered in a few regions only. Pick the one nearest to the Function App.')
@allowed([
  'centralus'
  'eastus2'
  'eastasia'
  'westeurope'
  'westus2'
])
param staticWebAppLocation string

@description('Optional. Base64 session-signing key (32 bytes or more, e.g. from "openssl rand -base64 48"). Required on the first deployment; leave empty later to keep the current key. Setting it again rotates the key and signs everyone out.')
@secure()
param sessionKey string = ''

@description('Optional. Object ID of the ERP integration\'s service principal; when set it may receive from the ERP subscription.')
param erpPrincipalId string = ''

@description('Optional. Work-account sign-in for username-only users: the tenant-specific authority of the Entra External ID tenant, e.g. https://contoso.ciamlogin.com/{tenant id}/v2.0 (docs/deploy.md). Empty: password sign-in only.')
param federationAuthority string = ''

@description('Optional. Application (client) id of the portal\'s app registration in that tenant.')
param federationClientId string = ''

@description('Optional. ID token claim matched to the portal username: preferred_username, email or oid.')
@allowed([
  'preferred_username'
  'email'
  'oid'
])
param federationUsernameClaim string = 'preferred_username'

@description('Optional. Upper bound on Function App instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Optional. Tags applied to every resource.')
param tags object = {}

// A short suffix from the subscription, group and environment makes the globally unique names unique
// and keeps them the same on every redeploy. Storage account names allow lowercase letters and digits only.
var env = toLower(environmentName)
var token = take(uniqueString(subscription().id, resourceGroup().id, env), 6)
var names = {
  identity: 'id-portal-${env}'
  logAnalytics: 'log-portal-${env}'
  applicationInsights: 'appi-portal-${env}'
  storage: 'stportal${env}${token}'
  blobEvents: 'egst-portal-${env}'
  serviceBus: 'sb-portal-${env}-${token}'
  keyVault: 'kv-portal-${env}-${take(token, 4)}'
  plan: 'plan-portal-${env}'
  functionApp: 'func-portal-${env}-${token}'
  staticWebApp: 'stapp-portal-${env}'
}

// The storage layout the app uses: tableNames, workQueueNames and containerNames are exactly what the app's
// features declare (the infrastructure tests compare them). Every work queue has a -poison twin: the Functions
// host moves a message there after its fifth failed delivery (host.json maxDequeueCount), and creating them here
// lets the identity do without the right to create queues at run time.
var tableNames = [
  'Settings'
  'Counterparties'
  'AccessGroups'
  'Users'
  'Sessions'
  'UsedTokens'
  'Catalog'
  'Orders'
  'Documents'
  'Support'
  'Ledger'
  'Returns'
]
// Event Grid writes the supplier containers' blob events here; a queue function handles them.
var blobEventsQueueName = 'blob-events'
var workQueueNames = [
  'checkouts'
  'outbox'
  'integration-events'
  blobEventsQueueName
  'ledger'
]
// The supplier's files (documents' files and materials, uploaded straight into those containers) and the files
// customers attach to RMA requests and support requests.
var containerNames = [
  'documents'
  'materials'
  'attachments'
]
// Only the app writes attachments, so only the supplier's containers report their blob events to the app.
var supplierContainerNames = filter(containerNames, container => container != 'attachments')
// Containers the platform uses rather than the app. Flex Consumption pulls the published package from the
// first; Event Grid keeps blob events it could not deliver in the second.
var deploymentContainerName = 'deployment-package'
var blobEventsDeadLetterContainerName = 'blob-events-deadletter'
var eventsTopicName = 'integration-events'
var sessionKeySecretName = 'portal-session-key'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tableNames: tableNames
    queueNames: flatten(map(workQueueNames, queue => [queue, '${queue}-poison']))
    containerNames: concat(containerNames, [deploymentContainerName, blobEventsDeadLetterContainerName])
    tags: tags
  }
}

module blobEvents 'modules/blobevents.bicep' = {
  name: 'blobEvents'
  params: {
    name: names.blobEvents
    location: location
    storageAccountName: storage.outputs.name
    containerNames: supplierContainerNames
    queueName: blobEventsQueueName
    deadLetterContainerName: blobEventsDeadLetterContainerName
    tags: tags
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'serviceBus'
  params: {
    name: names.serviceBus
    location: location
    topicName: eventsTopicName
    erpSubscriptionName: 'erp'
    erpPrincipalId: erpPrincipalId
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: names.keyVault
    location: location
    sessionKeySecretName: sessionKeySecretName
    sessionKey: sessionKey
    tags: tags
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    topicName: serviceBus.outputs.topicName
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.name
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  // The app reads its Key Vault reference and storage on start; granting the roles first avoids a first
  // start that fails and waits for the next refresh.
  dependsOn: [
    rbac
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.name
    sessionKeySecretUri: keyVault.outputs.sessionKeySecretUri
    serviceBusHostName: serviceBus.outputs.hostName
    eventsTopicName: serviceBus.outputs.topicName
    federationAuthority: federationAuthority
    federationClientId: federationClientId
    federationUsernameClaim: federationUsernameClaim
    maximumInstanceCount: maximumInstanceCount
    tags: tags
  }
}

module staticWebApp 'modules/staticwebapp.bicep' = {
  name: 'staticWebApp'
  params: {
    name: names.staticWebApp
    location: staticWebAppLocation
    backendResourceId: functionApp.outputs.resourceId
    backendLocation: location
    tags: tags
  }
}

// What the deploy script needs next: names to publish to and addresses to open. Nothing secret.
@description('Name of the Function App (target of the code deployment).')
output functionAppName string = functionApp.outputs.name

@description('Default host name of the Function App.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Name of the static web app (target of the SPA deployment).')
output staticWebAppName string = staticWebApp.outputs.name

@description('Address of the portal.')
output portalUrl string = 'https://${staticWebApp.outputs.defaultHostName}'

@description('Name of the storage account (documents and materials are uploaded here).')
output storageAccountName string = storage.outputs.name

@description('Name of the Event Grid system topic that reports uploads to the documents and materials containers.')
output blobEventsTopicName string = blobEvents.outputs.name

@description('Name of the key vault that holds the session key.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the session-key secret in the key vault.')
output sessionKeySecretName string = sessionKeySecretName

@description('Service Bus namespace host name the ERP connects to.')
output serviceBusHostName string = serviceBus.outputs.hostName

@description('Topic and subscription the ERP reads integration events from.')
output erpSubscriptionPath string = '${serviceBus.outputs.topicName}/subscriptions/${serviceBus.outputs.erpSubscriptionName}'

@description('Client ID of the app identity.')
output identityClientId string = identity.outputs.clientId
