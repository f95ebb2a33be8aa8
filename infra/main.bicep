// FollowerLoop on Azure: the Functions app (timer functions and one Durable orchestration per post)
// hosted by how it reaches X, a small dashboard app, a migrate job, and what they need:
//
//   xClientProvider Browser  Azure Container Apps (kind functionapp) from Dockerfile.functions, which
//                            carries Chromium; at least one replica always up (see
//                            modules/functionsContainerApp.bicep)
//   xClientProvider Api      Flex Consumption, a code deployment on dotnet-isolated 10.0, no browser
//
// Both: the task hub in a Storage account reached by managed identity only (shared keys off),
// Application Insights on the Log Analytics workspace, PostgreSQL (Azure Flexible Server in the
// virtual network, or an external Supabase database) reached as the least-privilege role
// followerloop_app, Azure Managed Redis behind a private endpoint, two Key Vaults (the apps' secrets;
// the database owner's, read by the migrate job alone), a registry, and one identity per app.
// Every role granted is in modules/access.bicep. See infra/README.md.
//
// Secrets: every secret parameter is optional after the first deployment. A secret that is given
// is written to Key Vault; one that is left out keeps the value already in the vault (so a session
// refreshed with az keyvault secret set survives a redeployment). Generated secrets (the Azure
// PostgreSQL connection strings, the Redis configuration with its access key) are written by the
// template itself and never pass through a parameter or an output.

metadata description = 'FollowerLoop: the Functions app (Container Apps or Flex Consumption), its dashboard and migrate job, with PostgreSQL, Managed Redis, Key Vault, Storage and Application Insights.'

import {
  databaseProvider as databaseProviderType
  jobSchedules as jobSchedulesType
  secretNames
  tags as tagsType
  xClientProvider as xClientProviderType
} from 'modules/shared.bicep'

@description('Azure region for every resource; the resource group\'s by default.')
param location string = resourceGroup().location

@description('Prefix of every resource name: 3-12 lowercase letters, digits or hyphens, starting with a letter.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'followerloop'

@description('Tags for every resource.')
param tags tagsType = {
  application: 'followerloop'
}

@description('How FollowerLoop reaches X (XClient:Provider). Browser: the Functions app runs on Azure Container Apps from an image with Chromium. Api: on a Flex Consumption plan, no browser.')
param xClientProvider xClientProviderType = 'Browser'

@description('Address space of the virtual network (a /16 is split into the apps, PostgreSQL, private-endpoint and Flex Consumption subnets).')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('azurePostgres: Azure Database for PostgreSQL Flexible Server in the virtual network. supabase: an external Supabase database (supabaseConnectionString, supabaseAppConnectionString).')
param databaseProvider databaseProviderType = 'azurePostgres'

@description('Azure PostgreSQL administrator login; only the migrate job connects with it.')
param postgresAdminLogin string = 'followerloop'

@description('Azure PostgreSQL administrator password (azurePostgres). Required when the server is created.')
@secure()
param postgresAdminPassword string?

@description('Password of the apps\' role followerloop_app, which the migrate job sets (ASCII, e.g. openssl rand -base64 32). Required on the first deployment.')
@secure()
param appDatabasePassword string?

@description('Azure PostgreSQL compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('Azure PostgreSQL compute tier matching postgresSkuName.')
param postgresSkuTier 'Burstable' | 'GeneralPurpose' | 'MemoryOptimized' = 'Burstable'

@description('Azure PostgreSQL storage in GiB.')
@minValue(32)
param postgresStorageSizeGB int = 32

@description('Azure PostgreSQL major version.')
param postgresVersion string = '17'

@description('Supabase connection string of the database owner (supabase), for the migrate job only, in Npgsql form: Host=...;Port=5432;Database=postgres;Username=postgres;Password=...;SSL Mode=VerifyFull.')
@secure()
param supabaseConnectionString string?

@description('Supabase connection string of the role followerloop_app (supabase), for the apps: as supabaseConnectionString, with Username=followerloop_app (pooler: followerloop_app.<project-ref>) and appDatabasePassword.')
@secure()
param supabaseAppConnectionString string?

@description('Azure Managed Redis SKU.')
param redisSkuName 'Balanced_B0' | 'Balanced_B1' | 'Balanced_B3' | 'Balanced_B5' = 'Balanced_B0'

@description('Azure Managed Redis high availability (a replica; the SLA needs it). Disabled halves its price; FollowerLoop carries on without Redis, only slower.')
param redisHighAvailability 'Enabled' | 'Disabled' = 'Enabled'

@description('Days Log Analytics keeps the logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Tag of the images in this deployment\'s registry (followerloop:<tag>, and followerloop-functions:<tag> for Browser). Empty: deploy the infrastructure only, so that the images can be pushed to the new registry first.')
param imageTag string = ''

@description('The X account FollowerLoop grows, without the @.')
@minLength(1)
param accountHandle string

@description('The audience\'s time zone, an IANA id such as Europe/Berlin (Account__TimeZone): hours are learned and planned in it.')
@minLength(1)
param accountTimeZone string = 'UTC'

@description('Base address of X.')
param xBaseUrl string = 'https://x.com'

@description('OpenAI-compatible endpoint of the language model.')
param llmEndpoint string = 'https://api.openai.com/v1'

@description('Language model name.')
param llmModel string = 'gpt-4.1-mini'

@description('Basic-auth user for the dashboards.')
param dashboardUsername string = 'admin'

@description('Prefix of every Redis key.')
param redisKeyPrefix string = 'followerloop'

@description('Durable Functions task hub (DurableTask:HubName), shared by the Functions app and the dashboard: 3-45 letters or digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'FollowerLoop'

@description('When each timer function runs: NCRONTAB with seconds, UTC (the Functions timer trigger\'s format).')
param jobSchedules jobSchedulesType = {
  Plan: '0 0 */3 * * *'
  Reply: '0 10 * * * *'
  Posting: '0 */5 * * * *'
  TrackingReconciler: '0 */30 * * * *'
  Analytics: '0 5,35 * * * *'
  DataCollection: '0 0 * * * *'
  Attribution: '0 20 */2 * * *'
  Outcomes: '0 25 */2 * * *'
  Learn: '0 40 * * * *'
  Strategy: '0 50 */6 * * *'
  ViralThread: '0 0 14 * * *'
  Followers: '0 15 * * * *'
}

@description('Container Apps hosting (Browser): replicas always running. At least one: with the Azure Storage provider nothing scales the app up from zero, so the timers and the orchestrations would stop.')
@minValue(1)
param functionsMinReplicas int = 1

@description('Container Apps hosting (Browser): most replicas; they share the task hub (each with its own Chromium).')
@minValue(1)
param functionsMaxReplicas int = 1

@description('Container Apps hosting (Browser): vCPUs per replica.')
param functionsCpu string = '1.0'

@description('Container Apps hosting (Browser): memory per replica, matching functionsCpu.')
param functionsMemory string = '2Gi'

@description('Flex Consumption hosting (Api): memory per instance in MB.')
param functionsInstanceMemoryMB 512 | 2048 | 4096 = 2048

@description('Flex Consumption hosting (Api): most instances.')
@minValue(1)
@maxValue(1000)
param functionsMaximumInstanceCount int = 40

@description('Flex Consumption hosting (Api): always-ready instances of the Durable Functions group; 0 scales to zero (checkpoints may then start some seconds late, after the platform wakes the app).')
@minValue(0)
param functionsDurableAlwaysReady int = 0

@description('Dashboard replicas always running; 0 lets it sleep between visits.')
@minValue(0)
param dashboardMinReplicas int = 0

@description('CIDR ranges allowed to reach the dashboards; empty allows any address (basic auth still applies).')
param dashboardAllowedIpRanges string[] = []

@description('More host names the dashboards answer to (a custom domain bound to the dashboard app); its own <name>.<environment domain> always answers, any other Host is refused.')
param dashboardHostNames string[] = []

@description('Object id of the person or group that sets secrets by hand and opens the task hub in Durable Functions Monitor (az ad signed-in-user show --query id -o tsv); gets Key Vault Secrets Officer and the task hub\'s data roles. Empty: nobody.')
param operatorPrincipalId string = ''

@description('Browser: saved Playwright storage state (JSON) of a logged-in x.com session. Required on the first deployment.')
@secure()
param xSessionJson string?

@description('Api: the X app\'s OAuth 1.0a consumer key. Required on the first deployment.')
@secure()
param xApiConsumerKey string?

@description('Api: the X app\'s OAuth 1.0a consumer secret. Required on the first deployment.')
@secure()
param xApiConsumerSecret string?

@description('Api: the account\'s OAuth 1.0a access token. Required on the first deployment.')
@secure()
param xApiAccessToken string?

@description('Api: the account\'s OAuth 1.0a access token secret. Required on the first deployment.')
@secure()
param xApiAccessTokenSecret string?

@description('API key of the language model. Required on the first deployment.')
@secure()
param llmApiKey string?

@description('Basic-auth password for the dashboards. Required on the first deployment.')
@secure()
param dashboardPassword string?

var suffix = uniqueString(resourceGroup().id)
var deployApps = !empty(imageTag)
var onContainerApps = xClientProvider == 'Browser'
var names = {
  vnet: '${namePrefix}-vnet'
  logs: '${namePrefix}-logs'
  insights: '${namePrefix}-insights'
  functionsIdentity: '${namePrefix}-functions-id'
  dashboardIdentity: '${namePrefix}-dashboard-id'
  migrateIdentity: '${namePrefix}-migrate-id'
  registry: take('${replace(namePrefix, '-', '')}${suffix}', 50)
  keyVault: take('${namePrefix}-${suffix}', 24)
  adminKeyVault: take('${namePrefix}-adm-${suffix}', 24)
  storage: take(toLower('${replace(namePrefix, '-', '')}st${suffix}'), 24)
  postgres: '${namePrefix}-pg-${suffix}'
  redis: '${namePrefix}-redis-${suffix}'
  environment: '${namePrefix}-env'
  functions: '${namePrefix}-func-${suffix}'
  functionsPlan: '${namePrefix}-plan'
  dashboard: '${namePrefix}-dashboard'
  migrateJob: '${namePrefix}-migrate'
  deploymentContainer: 'app-package'
}

resource functionsIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.functionsIdentity
  location: location
  tags: tags
}

resource dashboardIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.dashboardIdentity
  location: location
  tags: tags
}

resource migrateIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.migrateIdentity
  location: location
  tags: tags
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    name: names.vnet
    addressPrefix: vnetAddressPrefix
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    name: names.logs
    applicationInsightsName: names.insights
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    location: location
    name: names.registry
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    name: names.keyVault
    providedSecrets: {
      '${secretNames.xSessionJson}': xSessionJson ?? ''
      '${secretNames.xApiConsumerKey}': xApiConsumerKey ?? ''
      '${secretNames.xApiConsumerSecret}': xApiConsumerSecret ?? ''
      '${secretNames.xApiAccessToken}': xApiAccessToken ?? ''
      '${secretNames.xApiAccessTokenSecret}': xApiAccessTokenSecret ?? ''
      '${secretNames.llmApiKey}': llmApiKey ?? ''
      '${secretNames.dashboardPassword}': dashboardPassword ?? ''
      '${secretNames.databaseConnectionString}': databaseProvider == 'supabase' ? supabaseAppConnectionString ?? '' : ''
    }
    tags: tags
  }
}

module adminKeyVault 'modules/keyVault.bicep' = {
  name: 'adminKeyVault'
  params: {
    location: location
    name: names.adminKeyVault
    providedSecrets: {
      '${secretNames.appDatabasePassword}': appDatabasePassword ?? ''
      '${secretNames.databaseAdminConnectionString}': databaseProvider == 'supabase'
        ? supabaseConnectionString ?? ''
        : ''
    }
    tags: tags
  }
}

module taskHubStorage 'modules/taskHubStorage.bicep' = {
  name: 'taskHubStorage'
  params: {
    location: location
    name: names.storage
    deploymentContainerName: onContainerApps ? '' : names.deploymentContainer
    tags: tags
  }
}

module postgres 'modules/postgres.bicep' = if (databaseProvider == 'azurePostgres') {
  name: 'postgres'
  params: {
    location: location
    name: names.postgres
    vnetId: network.outputs.vnetId
    delegatedSubnetId: network.outputs.postgresSubnetId
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword ?? ''
    appRolePassword: appDatabasePassword ?? ''
    databaseName: 'followerloop'
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    version: postgresVersion
    keyVaultName: names.keyVault
    adminKeyVaultName: names.adminKeyVault
    tags: tags
  }
  dependsOn: [
    keyVault
    adminKeyVault
  ]
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    location: location
    name: names.redis
    vnetId: network.outputs.vnetId
    privateEndpointSubnetId: network.outputs.privateEndpointsSubnetId
    skuName: redisSkuName
    highAvailability: redisHighAvailability
    keyVaultName: names.keyVault
    tags: tags
  }
  dependsOn: [
    keyVault
  ]
}

module environment 'modules/environment.bicep' = {
  name: 'environment'
  params: {
    location: location
    name: names.environment
    infrastructureSubnetId: network.outputs.appsSubnetId
    logAnalyticsWorkspaceName: names.logs
    tags: tags
  }
  dependsOn: [
    monitoring
  ]
}

module access 'modules/access.bicep' = {
  name: 'access'
  params: {
    functionsIdentityName: functionsIdentity.name
    dashboardIdentityName: dashboardIdentity.name
    migrateIdentityName: migrateIdentity.name
    functionsPullsImage: onContainerApps
    operatorPrincipalId: operatorPrincipalId
    registryName: names.registry
    keyVaultName: names.keyVault
    adminKeyVaultName: names.adminKeyVault
    storageAccountName: names.storage
    applicationInsightsName: names.insights
  }
  // The role assignments look these up by name.
  dependsOn: [
    registry
    keyVault
    adminKeyVault
    taskHubStorage
    monitoring
  ]
}

// The settings both hostings give the Functions app: the Section__Key names the worker reads
// (src/FollowerLoop.Worker/appsettings.json), the task hub and the host's storage by identity.
var functionsSettings = {
  AzureWebJobsStorage__accountName: taskHubStorage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: functionsIdentity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${functionsIdentity.properties.clientId};Authorization=AAD'
  DurableTask__HubName: taskHubName
  XClient__Provider: xClientProvider
  Account__Handle: accountHandle
  Account__TimeZone: accountTimeZone
  XClient__Handle: accountHandle
  XClient__BaseUrl: xBaseUrl
  Redis__KeyPrefix: redisKeyPrefix
  Llm__Endpoint: llmEndpoint
  Llm__Model: llmModel
  Jobs__Schedules__Plan: jobSchedules.Plan
  Jobs__Schedules__Reply: jobSchedules.Reply
  Jobs__Schedules__Posting: jobSchedules.Posting
  Jobs__Schedules__TrackingReconciler: jobSchedules.TrackingReconciler
  Jobs__Schedules__Analytics: jobSchedules.Analytics
  Jobs__Schedules__DataCollection: jobSchedules.DataCollection
  Jobs__Schedules__Attribution: jobSchedules.Attribution
  Jobs__Schedules__Outcomes: jobSchedules.Outcomes
  Jobs__Schedules__Learn: jobSchedules.Learn
  Jobs__Schedules__Strategy: jobSchedules.Strategy
  Jobs__Schedules__ViralThread: jobSchedules.ViralThread
  Jobs__Schedules__Followers: jobSchedules.Followers
}

// Secret settings by hosting: the browser's saved session, or the X API's OAuth 1.0a keys (they never
// expire; an OAuth 2.0 refresh token is single-use and would need a writable store the instances lack).
var browserKeyVaultSettings = {
  Database__ConnectionString: secretNames.databaseConnectionString
  Redis__Configuration: secretNames.redisConfiguration
  Llm__ApiKey: secretNames.llmApiKey
  XClient__SessionStateJson: secretNames.xSessionJson
}
var apiKeyVaultSettings = {
  Database__ConnectionString: secretNames.databaseConnectionString
  Redis__Configuration: secretNames.redisConfiguration
  Llm__ApiKey: secretNames.llmApiKey
  XApi__OAuth1__ConsumerKey: secretNames.xApiConsumerKey
  XApi__OAuth1__ConsumerSecret: secretNames.xApiConsumerSecret
  XApi__OAuth1__AccessToken: secretNames.xApiAccessToken
  XApi__OAuth1__AccessTokenSecret: secretNames.xApiAccessTokenSecret
}

module functionsContainerApp 'modules/functionsContainerApp.bicep' = if (onContainerApps && deployApps) {
  name: 'functionsContainerApp'
  params: {
    location: location
    name: names.functions
    environmentId: environment.outputs.id
    identityId: functionsIdentity.id
    image: {
      registryServer: registry.outputs.loginServer
      repositoryAndTag: 'followerloop-functions:${imageTag}'
    }
    keyVaultUri: keyVault.outputs.uri
    settings: functionsSettings
    keyVaultSettings: browserKeyVaultSettings
    minReplicas: functionsMinReplicas
    maxReplicas: functionsMaxReplicas
    cpu: functionsCpu
    memory: functionsMemory
    tags: tags
  }
  // The roles and the secrets the app references must exist before its first revision starts.
  dependsOn: [
    access
    postgres
    redis
  ]
}

module functionsFlex 'modules/functionsFlex.bicep' = if (!onContainerApps) {
  name: 'functionsFlex'
  params: {
    location: location
    planName: names.functionsPlan
    name: names.functions
    identityId: functionsIdentity.id
    subnetId: network.outputs.functionsSubnetId
    keyVaultUri: keyVault.outputs.uri
    deploymentContainerUrl: '${taskHubStorage.outputs.blobEndpoint}${names.deploymentContainer}'
    settings: functionsSettings
    keyVaultSettings: apiKeyVaultSettings
    instanceMemoryMB: functionsInstanceMemoryMB
    maximumInstanceCount: functionsMaximumInstanceCount
    durableAlwaysReady: functionsDurableAlwaysReady
    tags: tags
  }
  dependsOn: [
    access
    postgres
    redis
  ]
}

var image = {
  registryServer: registry.outputs.loginServer
  repositoryAndTag: 'followerloop:${imageTag}'
}

module dashboard 'modules/dashboard.bicep' = if (deployApps) {
  name: 'dashboard'
  params: {
    location: location
    name: names.dashboard
    environmentId: environment.outputs.id
    environmentDefaultDomain: environment.outputs.defaultDomain
    hostNames: dashboardHostNames
    identityId: dashboardIdentity.id
    image: image
    keyVaultUri: keyVault.outputs.uri
    settings: {
      accountHandle: accountHandle
      dashboardUsername: dashboardUsername
      redisKeyPrefix: redisKeyPrefix
      taskHubStorageAccountName: taskHubStorage.outputs.name
      taskHubName: taskHubName
      identityClientId: dashboardIdentity.properties.clientId
    }
    minReplicas: dashboardMinReplicas
    maxReplicas: 1
    allowedIpRanges: dashboardAllowedIpRanges
    tags: tags
  }
  dependsOn: [
    access
    postgres
    redis
  ]
}

module migrateJob 'modules/migrateJob.bicep' = if (deployApps) {
  name: 'migrateJob'
  params: {
    location: location
    name: names.migrateJob
    environmentId: environment.outputs.id
    identityId: migrateIdentity.id
    image: image
    adminKeyVaultUri: adminKeyVault.outputs.uri
    tags: tags
  }
  dependsOn: [
    access
    postgres
  ]
}

@description('Registry to push the images to (az acr build --registry).')
output registryName string = registry.outputs.name

@description('Key Vault of the apps\' secrets (az keyvault secret set --vault-name).')
output keyVaultName string = keyVault.outputs.name

@description('Key Vault of the database owner\'s secrets, read by the migrate job only.')
output adminKeyVaultName string = adminKeyVault.outputs.name

@description('The Functions app: a container app (Browser) or a Flex Consumption function app (Api).')
output functionsAppName string = names.functions

@description('Where the Functions app runs: containerApps or flexConsumption.')
output functionsHosting string = onContainerApps ? 'containerApps' : 'flexConsumption'

@description('Dashboard container app (az containerapp logs show --name).')
output dashboardName string = names.dashboard

@description('Schema migration job (az containerapp job start --name).')
output migrateJobName string = names.migrateJob

@description('Address of the dashboards; empty until the apps are deployed.')
output dashboardUrl string = deployApps ? 'https://${dashboard!.outputs.fqdn}' : ''

@description('Storage account of the task hub (Durable Functions Monitor connects to it).')
output taskHubStorageAccountName string = taskHubStorage.outputs.name

@description('Task hub name (Durable Functions Monitor asks for it).')
output taskHubName string = taskHubName

@description('Log Analytics workspace with the container logs.')
output logAnalyticsWorkspaceName string = monitoring.outputs.name

@description('Application Insights of the Functions app.')
output applicationInsightsName string = monitoring.outputs.applicationInsightsName
