// Key Vault in RBAC mode for the few real secrets. Today that is the session-signing key; the Function App
// reads it through a Key Vault reference, so the value never appears in app settings or deployment history.

@description('Required. Name of the key vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region of the vault.')
param location string

@description('Required. Name of the secret that holds the session-signing key.')
param sessionKeySecretName string

@description('Optional. Base64 session-signing key (32 bytes or more). When empty the secret is left as it is, so a redeploy does not sign everyone out.')
@secure()
param sessionKey string = ''

@description('Optional. Tags applied to the vault.')
param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access policies are all-or-nothing per vault; RBAC lets the app read secrets and nothing else.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    // Flex Consumption without a virtual network resolves Key Vault references over the public endpoint.
    publicNetworkAccess: 'Enabled'
  }
}

// Writing a secret through the control plane creates a new version; the app reads the latest version.
resource sessionKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sessionKey)) {
  parent: vault
  name: sessionKeySecretName
  properties: {
    value: sessionKey
    contentType: 'base64'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Resource ID of the vault.')
output resourceId string = vault.id

// Versionless on purpose: the app follows the latest version, which is how the key is rotated.
@description('URI of the session-key secret without a version (a reference, not the value).')
output sessionKeySecretUri string = '${vault.properties.vaultUri}secrets/${sessionKeySecretName}'
