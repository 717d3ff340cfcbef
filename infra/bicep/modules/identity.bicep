// The one identity the Function App runs as. User-assigned rather than system-assigned so that its role
// assignments can be created before the app exists: the app starts with its storage access already in place.

@description('Required. Name of the user-assigned managed identity.')
param name string

@description('Required. Azure region of the identity.')
param location string

@description('Optional. Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Name of the identity.')
output name string = identity.name

@description('Resource ID of the identity.')
output resourceId string = identity.id

@description('Object (principal) ID of the identity, used in role assignments.')
output principalId string = identity.properties.principalId

@description('Client ID of the identity, used by the app to ask for tokens.')
output clientId string = identity.properties.clientId
