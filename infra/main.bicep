// FollowerLoop on Azure: the worker as a Container App (Playwright needs Chromium and its
// libraries, which rules out the Functions consumption plan), PostgreSQL (Azure Flexible Server in
// the virtual network, or an external Supabase database), Azure Cache for Redis behind a private
// endpoint, Key Vault holding every secret, and Log Analytics. See infra/README.md.
//
// Secrets: every secret parameter is optional after the first deployment. A secret that is given
// is written to Key Vault; one that is left out keeps the value already in the vault (so a session
// refreshed with az keyvault secret set survives a redeployment). Generated secrets (the Azure
// PostgreSQL connection string, the Redis configuration with its access key) are written by the
// template itself and never pass through a parameter or an output.

metadata description = 'FollowerLoop worker on Azure Container Apps with PostgreSQL, Redis, Key Vault and Log Analytics.'

import { databaseProvider as databaseProviderType, secretNames, tags as tagsType } from 'modules/shared.bicep'

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

@description('Address space of the virtual network (a /16 is split into the apps, PostgreSQL and private-endpoint subnets).')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('azurePostgres: Azure Database for PostgreSQL Flexible Server in the virtual network. supabase: an external Supabase database (supabaseConnectionString).')
param databaseProvider databaseProviderType = 'azurePostgres'

@description('Azure PostgreSQL administrator login; the worker connects with it.')
param postgresAdminLogin string = 'followerloop'

@description('Azure PostgreSQL administrator password (azurePostgres). Required when the server is created.')
@secure()
param postgresAdminPassword string?

@description('Azure PostgreSQL compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('Azure PostgreSQL compute tier matching postgresSkuName.')
param postgresSkuTier 'Burstable' | 'GeneralPurpose' | 'MemoryOptimized' = 'Burstable'

@description('Azure PostgreSQL storage in GiB.')
@minValue(32)
param postgresStorageSizeGB int = 32

@description('Azure PostgreSQL major version.')
param postgresVersion string = '17'

@description('Supabase connection string (supabase), in Npgsql form: Host=db.<project>.supabase.co;Port=5432;Database=postgres;Username=postgres;Password=...;SSL Mode=VerifyFull.')
@secure()
param supabaseConnectionString string?

@description('Azure Cache for Redis SKU.')
param redisSkuName 'Basic' | 'Standard' | 'Premium' = 'Standard'

@description('Azure Cache for Redis size (C0 is 250 MB).')
@minValue(0)
@maxValue(6)
param redisCapacity int = 0

@description('Days Log Analytics keeps the worker\'s logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Tag of the worker image in this deployment\'s registry (followerloop:<tag>). Empty: deploy the infrastructure only, so that the image can be pushed to the new registry first.')
param workerImageTag string = ''

@description('The X account FollowerLoop grows, without the @.')
@minLength(1)
param accountHandle string

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

@description('Worker replicas always running.')
@minValue(1)
param workerMinReplicas int = 1

@description('Most worker replicas; they share the Hangfire storage.')
@minValue(1)
param workerMaxReplicas int = 1

@description('vCPUs per worker replica.')
param workerCpu string = '1.0'

@description('Memory per worker replica, matching workerCpu.')
param workerMemory string = '2Gi'

@description('CIDR ranges allowed to reach the worker\'s dashboards; empty allows any address (basic auth still applies).')
param dashboardAllowedIpRanges string[] = []

@description('Object id of the person or group that sets secrets by hand (az ad signed-in-user show --query id -o tsv); gets Key Vault Secrets Officer. Empty: nobody.')
param operatorPrincipalId string = ''

@description('Saved Playwright storage state (JSON) of a logged-in x.com session. Required on the first deployment of the worker.')
@secure()
param xSessionJson string?

@description('API key of the language model. Required on the first deployment of the worker.')
@secure()
param llmApiKey string?

@description('Basic-auth password for the dashboards. Required on the first deployment of the worker.')
@secure()
param dashboardPassword string?

var suffix = uniqueString(resourceGroup().id)
var deployWorker = !empty(workerImageTag)
var names = {
  vnet: '${namePrefix}-vnet'
  logs: '${namePrefix}-logs'
  identity: '${namePrefix}-worker-identity'
  registry: take('${replace(namePrefix, '-', '')}${suffix}', 50)
  keyVault: take('${namePrefix}-${suffix}', 24)
  postgres: '${namePrefix}-pg-${suffix}'
  redis: '${namePrefix}-redis-${suffix}'
  environment: '${namePrefix}-env'
  worker: '${namePrefix}-worker'
  migrateJob: '${namePrefix}-migrate'
}

resource workerIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
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
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    location: location
    name: names.registry
    pullerIdentityName: names.identity
    tags: tags
  }
  dependsOn: [
    workerIdentity
  ]
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    name: names.keyVault
    readerIdentityName: names.identity
    operatorPrincipalId: operatorPrincipalId
    providedSecrets: {
      '${secretNames.xSessionJson}': xSessionJson ?? ''
      '${secretNames.llmApiKey}': llmApiKey ?? ''
      '${secretNames.dashboardPassword}': dashboardPassword ?? ''
      '${secretNames.databaseConnectionString}': databaseProvider == 'supabase' ? supabaseConnectionString ?? '' : ''
    }
    tags: tags
  }
  dependsOn: [
    workerIdentity
  ]
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
    databaseName: 'followerloop'
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    version: postgresVersion
    keyVaultName: names.keyVault
    tags: tags
  }
  dependsOn: [
    keyVault
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
    capacity: redisCapacity
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

var image = {
  registryServer: registry.outputs.loginServer
  repositoryAndTag: 'followerloop:${workerImageTag}'
}

module worker 'modules/worker.bicep' = if (deployWorker) {
  name: 'worker'
  params: {
    location: location
    name: names.worker
    environmentId: environment.outputs.id
    identityId: workerIdentity.id
    image: image
    keyVaultUri: keyVault.outputs.uri
    settings: {
      accountHandle: accountHandle
      xBaseUrl: xBaseUrl
      llmEndpoint: llmEndpoint
      llmModel: llmModel
      dashboardUsername: dashboardUsername
      redisKeyPrefix: redisKeyPrefix
    }
    minReplicas: workerMinReplicas
    maxReplicas: workerMaxReplicas
    cpu: workerCpu
    memory: workerMemory
    allowedIpRanges: dashboardAllowedIpRanges
    tags: tags
  }
  // The secrets the worker references must exist before its first revision starts.
  dependsOn: [
    postgres
    redis
  ]
}

module migrateJob 'modules/migrateJob.bicep' = if (deployWorker) {
  name: 'migrateJob'
  params: {
    location: location
    name: names.migrateJob
    environmentId: environment.outputs.id
    identityId: workerIdentity.id
    image: image
    keyVaultUri: keyVault.outputs.uri
    tags: tags
  }
  dependsOn: [
    postgres
  ]
}

@description('Registry to push the worker image to (az acr build --registry).')
output registryName string = registry.outputs.name

@description('Key Vault holding the secrets (az keyvault secret set --vault-name).')
output keyVaultName string = keyVault.outputs.name

@description('Worker container app (az containerapp logs show --name).')
output workerName string = names.worker

@description('Schema migration job (az containerapp job start --name).')
output migrateJobName string = names.migrateJob

@description('Address of the worker\'s dashboards; empty until the worker is deployed.')
output workerUrl string = deployWorker ? 'https://${worker!.outputs.fqdn}' : ''

@description('Log Analytics workspace with the worker\'s logs.')
output logAnalyticsWorkspaceName string = monitoring.outputs.name
