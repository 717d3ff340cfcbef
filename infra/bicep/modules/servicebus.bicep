// Outbound integration events for the company's ERP. Standard is the cheapest tier with topics.
// Local (SAS key) authentication is off: the app sends with its managed identity, the ERP receives with its own.

@description('Required. Name of the Service Bus namespace (globally unique).')
@minLength(6)
@maxLength(50)
param name string

@description('Required. Azure region of the namespace.')
param location string

@description('Required. Name of the topic the app publishes integration events to.')
param topicName string

@description('Required. Name of the subscription the ERP reads from.')
param erpSubscriptionName string

@description('Optional. How long the topic remembers message ids to drop repeats. The outbox dispatcher may resend an event after a failure, so the window covers a day of retries.')
param duplicateDetectionWindow string = 'P1D'

@description('Optional. Object ID of the ERP integration\'s service principal; when set it gets the Data Receiver role on its subscription.')
param erpPrincipalId string = ''

@description('Optional. Tags applied to the namespace.')
param tags object = {}

// Built-in role: Azure Service Bus Data Receiver.
var dataReceiverRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
)

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    // The dispatcher sets MessageId from the outbox row, so a resend after a crash is dropped here.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    defaultMessageTimeToLive: 'P14D'
    supportOrdering: true
  }
}

resource erpSubscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = {
  parent: topic
  name: erpSubscriptionName
  properties: {
    lockDuration: 'PT1M'
    maxDeliveryCount: 10
    defaultMessageTimeToLive: 'P14D'
    // An event the ERP cannot take is kept for a person to look at, never silently dropped.
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
  }
}

resource erpReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(erpPrincipalId)) {
  name: guid(erpSubscription.id, erpPrincipalId, dataReceiverRoleId)
  scope: erpSubscription
  properties: {
    principalId: erpPrincipalId
    roleDefinitionId: dataReceiverRoleId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the namespace.')
output name string = namespace.name

@description('Resource ID of the namespace.')
output resourceId string = namespace.id

// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ (another suffix in other clouds);
// the client wants only the host name.
@description('Fully qualified namespace host name, e.g. <name>.servicebus.windows.net.')
output hostName string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]

@description('Name of the integration-events topic.')
output topicName string = topic.name

@description('Name of the ERP subscription.')
output erpSubscriptionName string = erpSubscription.name
