// Names shared by the modules that write Key Vault secrets and the apps that read them.

@export()
@description('Key Vault secret names: one per secret the worker reads.')
var secretNames = {
  databaseConnectionString: 'database-connection-string'
  redisConfiguration: 'redis-configuration'
  xSessionJson: 'x-session-json'
  llmApiKey: 'llm-api-key'
  dashboardPassword: 'dashboard-password'
}

@export()
@description('Built-in role definition ids, the only roles these templates assign.')
var roleIds = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
}

@export()
@description('Where the database lives.')
type databaseProvider = 'azurePostgres' | 'supabase'

@export()
@description('Resource tags.')
type tags = { *: string }

@export()
@description('Non-secret worker settings, passed to the container as environment variables.')
type workerSettings = {
  @description('The X account FollowerLoop grows, without the @ (Account__Handle and XClient__Handle).')
  accountHandle: string

  @description('Base address of X (XClient__BaseUrl).')
  xBaseUrl: string

  @description('OpenAI-compatible endpoint of the language model (Llm__Endpoint).')
  llmEndpoint: string

  @description('Model name (Llm__Model).')
  llmModel: string

  @description('Basic-auth user for the dashboards (Dashboard__Username).')
  dashboardUsername: string

  @description('Prefix of every Redis key (Redis__KeyPrefix).')
  redisKeyPrefix: string
}

@export()
@description('Where the worker image comes from.')
type image = {
  @description('Registry login server, e.g. myregistry.azurecr.io.')
  registryServer: string

  @description('Repository and tag, e.g. followerloop:1.0.0.')
  repositoryAndTag: string
}
