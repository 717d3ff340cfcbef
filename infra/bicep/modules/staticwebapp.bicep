// The SPA on Static Web Apps. Standard is the tier that can link an existing Function App as its API:
// the browser calls /api/* on the same origin and Static Web Apps forwards it, so the session cookie can stay
// SameSite=Strict and no CORS is needed.

@description('Required. Name of the static web app.')
param name string

@description('Required. Region of the static web app; it exists in fewer regions than the Function App.')
param location string

@description('Required. Resource ID of the Function App to link as the /api backend.')
param backendResourceId string

@description('Required. Region of the Function App.')
param backendLocation string

@description('Optional. Tags applied to the static web app.')
param tags object = {}

resource staticWebApp 'Microsoft.Web/staticSites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // Content is uploaded by the deploy script, not pulled from a repository.
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2024-11-01' = {
  parent: staticWebApp
  name: 'api'
  properties: {
    backendResourceId: backendResourceId
    region: backendLocation
  }
}

@description('Name of the static web app.')
output name string = staticWebApp.name

@description('Resource ID of the static web app.')
output resourceId string = staticWebApp.id

@description('Default host name of the static web app (the portal\'s address until a custom domain is added).')
output defaultHostName string = staticWebApp.properties.defaultHostname
