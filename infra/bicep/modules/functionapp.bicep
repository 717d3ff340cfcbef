// The Function App on Flex Consumption (.NET 10 isolated worker). It runs as the user-assigned identity and
// connects to everything with that identity: there is no connection string or account key in its settings.
// Flex Consumption takes the runtime from functionAppConfig, so FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION and the WEBSITE_* content settings of the older plans must not be set.

@description('Required. Name of the Function App (globally unique host name).')
param name string

@description('Proxies in front of the app that append to X-Forwarded-For (Static Web Apps\' edge and the Functions front end); the client address for sign-in throttling is that many entries from the right.')
@minValue(0)
@maxValue(5)
param trustedProxyHops int = 2

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Azure region of the plan and the app.')
param location string

@description('Required. Resource ID of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Required. Client ID of that identity.')
param identityClientId string

@description('Required. Blob service endpoint of the app\'s storage account.')
param blobEndpoint string

@description('Required. Queue service endpoint of the app\'s storage account.')
param queueEndpoint string

@description('Required. Table service endpoint of the app\'s storage account.')
param tableEndpoint string

@description('Required. Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Required. Name of the Application Insights component (same resource group).')
param applicationInsightsName string

@description('Required. Versionless Key Vault secret URI of the session-signing key.')
param sessionKeySecretUri string

@description('Required. Service Bus namespace host name that receives integration events.')
param serviceBusHostName string

@description('Required. Service Bus topic that receives integration events.')
param eventsTopicName string

@description('Optional. Work-account sign-in: the tenant-specific OpenID Connect authority (e.g. https://contoso.ciamlogin.com/{tenant id}/v2.0). Empty: password sign-in only.')
param federationAuthority string = ''

@description('Optional. Work-account sign-in: the application (client) id of the portal\'s app registration; required with federationAuthority.')
param federationClientId string = ''

@description('Optional. Work-account sign-in: the ID token claim matched to the portal username.')
@allowed([
  'preferred_username'
  'email'
  'oid'
])
param federationUsernameClaim string = 'preferred_username'

@description('Optional. Upper bound on instances; caps the bill and the load on storage.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Optional. Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Tags applied to the plan and the app.')
param tags object = {}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (the default would be a system-assigned one we do not have).
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      minTlsVersion: '1.2'
      // Every key here is either read by the Functions host/platform or bound to a Portal.Core options
      // class; the infrastructure test fails when this list and the app disagree.
      appSettings: [
        // Host storage and the app's own storage clients (PortalStorage) read the same keys.
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: blobEndpoint
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: queueEndpoint
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: tableEndpoint
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        // Telemetry with Entra authentication: the component accepts no key-based ingestion.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD;ClientId=${identityClientId}'
        }
        // Portal:Auth
        {
          name: 'Portal__Auth__SessionKey'
          value: '@Microsoft.KeyVault(SecretUri=${sessionKeySecretUri})'
        }
        {
          name: 'Portal__Auth__TrustedProxyHops'
          value: string(trustedProxyHops)
        }
        // Portal:Federation (work-account sign-in for username-only users; empty authority = off)
        {
          name: 'Portal__Federation__Authority'
          value: federationAuthority
        }
        {
          name: 'Portal__Federation__ClientId'
          value: federationClientId
        }
        {
          name: 'Portal__Federation__UsernameClaim'
          value: federationUsernameClaim
        }
        // Portal:Events
        {
          name: 'Portal__Events__Sink'
          value: 'ServiceBus'
        }
        {
          name: 'Portal__Events__ServiceBusNamespace'
          value: serviceBusHostName
        }
        {
          name: 'Portal__Events__Destination'
          value: eventsTopicName
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Publishing uses Entra ID (az functionapp deployment); user-name/password publishing stays off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('Name of the Function App.')
output name string = functionApp.name

@description('Resource ID of the Function App.')
output resourceId string = functionApp.id

@description('Default host name of the Function App.')
output defaultHostName string = functionApp.properties.defaultHostName
