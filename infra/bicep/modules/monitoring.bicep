// Log Analytics holds the logs; Application Insights (workspace-based) is what the Functions host writes to.
// Local (instrumentation-key) authentication is switched off, so only the app's identity, with the
// Monitoring Metrics Publisher role, can send telemetry: a leaked connection string cannot be used to write.

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Required. Azure region of both resources.')
param location string

@description('Optional. Days to keep logs. 30 is included in the ingestion price.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Optional. Tags applied to both resources.')
param tags object = {}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

@description('Name of the Application Insights component.')
output name string = applicationInsights.name

@description('Resource ID of the Application Insights component.')
output resourceId string = applicationInsights.id

@description('Resource ID of the Log Analytics workspace.')
output logAnalyticsResourceId string = logAnalytics.id
