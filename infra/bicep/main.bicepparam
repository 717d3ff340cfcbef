// Parameters of one environment. The session key is not stored here: the deploy script passes it in the
// PORTAL_SESSION_KEY environment variable on the first deployment and when rotating (see docs/deploy.md);
// without it the current key in Key Vault is kept.
using 'main.bicep'

param environmentName = 'prod'

param staticWebAppLocation = 'westeurope'

param sessionKey = readEnvironmentVariable('PORTAL_SESSION_KEY', '')

// Work-account sign-in (docs/deploy.md, "Work-account sign-in"): leave empty for password sign-in only.
param federationAuthority = readEnvironmentVariable('PORTAL_FEDERATION_AUTHORITY', '')
param federationClientId = readEnvironmentVariable('PORTAL_FEDERATION_CLIENT_ID', '')

param tags = {
  application: 'customer-portal'
  environment: 'prod'
}
