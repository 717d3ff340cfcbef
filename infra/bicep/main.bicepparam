// Parameters of one environment. The session key is not stored here: the deploy script passes it in the
// PORTAL_SESSION_KEY environment variable on the first deployment and when rotating (see docs/deploy.md);
// without it the current key in Key Vault is kept.
using 'main.bicep'

param environmentName = 'prod'

param staticWebAppLocation = 'westeurope'

param sessionKey = readEnvironmentVariable('PORTAL_SESSION_KEY', '')

param tags = {
  application: 'customer-portal'
  environment: 'prod'
}
