// Names and types shared by the modules that write Key Vault secrets, the apps that read them and
// the module that grants every role.

@export()
@description('Key Vault secret names. The app vault holds what the apps read; the admin vault what only the migrate job reads.')
var secretNames = {
  // app vault
  databaseConnectionString: 'database-connection-string'
  redisConfiguration: 'redis-configuration'
  xSessionJson: 'x-session-json'
  xApiConsumerKey: 'x-api-consumer-key'
  xApiConsumerSecret: 'x-api-consumer-secret'
  xApiAccessToken: 'x-api-access-token'
  xApiAccessTokenSecret: 'x-api-access-token-secret'
  llmApiKey: 'llm-api-key'
  dashboardPassword: 'dashboard-password'
  // admin vault
  databaseAdminConnectionString: 'database-admin-connection-string'
  appDatabasePassword: 'app-database-password'
}

@export()
@description('The PostgreSQL role the apps connect as (supabase/migrations/20261201000200_app_role.sql).')
var appDatabaseRole = 'followerloop_app'

@export()
@description('Built-in role definition ids, the only roles these templates assign.')
var roleIds = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

@export()
@description('Where the database lives.')
type databaseProvider = 'azurePostgres' | 'supabase'

@export()
@description('How FollowerLoop reaches X (XClient:Provider); it decides where the Functions app runs.')
type xClientProvider = 'Browser' | 'Api'

@export()
@description('Resource tags.')
type tags = { *: string }

@export()
@description('App settings by name (Section__Key), each a plain value.')
type settings = { *: string }

@export()
@description('Secret app settings by name (Section__Key), each the name of the Key Vault secret that holds its value.')
type keyVaultSettings = { *: string }

@export()
@description('Where an image comes from.')
type image = {
  @description('Registry login server, e.g. myregistry.azurecr.io.')
  registryServer: string

  @description('Repository and tag, e.g. followerloop:1.0.0.')
  repositoryAndTag: string
}

@export()
@description('NCRONTAB schedules (second minute hour day month weekday, UTC) of the timer functions, by job.')
type jobSchedules = {
  Plan: string
  Reply: string
  Posting: string
  TrackingReconciler: string
  Analytics: string
  DataCollection: string
  Attribution: string
  Outcomes: string
  Learn: string
  Strategy: string
  ViralThread: string
  Followers: string
}
