// The dashboard: a small container app running `followerloop dashboard` from the followerloop image.
// It runs no job; it reads PostgreSQL, Redis and the task hub (a Durable Task client signed in as its
// own user-assigned identity) and can start run-now orchestrations, terminate and purge. Basic auth
// on every page, HTTPS ingress, an optional IP allow-list, only its own host names answer (AllowedHosts).
// Every secret is a Key Vault reference.

import { image as imageType, secretNames, tags as tagsType } from 'shared.bicep'

@description('Azure region.')
param location string

@description('Container app name.')
param name string

@description('Container Apps environment id.')
param environmentId string

@description('The environment\'s default domain: the app answers at <name>.<this>.')
param environmentDefaultDomain string

@description('More host names the dashboards answer to (a custom domain bound to the app).')
param hostNames string[]

@description('Resource id of the user-assigned identity that pulls the image, reads Key Vault and signs in to the task hub.')
param identityId string

@description('Image to run (Dockerfile).')
param image imageType

@description('Key Vault URI (ends with a slash).')
param keyVaultUri string

@description('Non-secret settings.')
param settings {
  @description('The X account, without the @ (Account__Handle).')
  accountHandle: string

  @description('Basic-auth user (Dashboard__Username).')
  dashboardUsername: string

  @description('Prefix of every Redis key (Redis__KeyPrefix).')
  redisKeyPrefix: string

  @description('Task-hub Storage account (DurableTask__StorageAccountName).')
  taskHubStorageAccountName: string

  @description('Task hub, the same as the Functions app\'s (DurableTask__HubName).')
  taskHubName: string

  @description('Client id of the identity, for DefaultAzureCredential (AZURE_CLIENT_ID).')
  identityClientId: string
}

@description('Replicas always running; 0 lets it sleep between visits (the first page then takes a few seconds).')
@minValue(0)
param minReplicas int

@description('Most replicas.')
@minValue(1)
param maxReplicas int

@description('CIDR ranges allowed to reach the dashboards; empty allows any address (basic auth still applies).')
param allowedIpRanges string[]

@description('Tags for every resource.')
param tags tagsType

var httpPort = 8080

var fqdn = '${name}.${environmentDefaultDomain}'

// The probes would send the replica's IP as Host, which host filtering refuses: they name the app.
var healthCheck = {
  path: '/healthz'
  port: httpPort
  httpHeaders: [
    {
      name: 'Host'
      value: fqdn
    }
  ]
}

resource dashboard 'Microsoft.App/containerApps@2026-07-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: httpPort
        transport: 'http'
        allowInsecure: false
        ipSecurityRestrictions: [
          for (range, i) in allowedIpRanges: {
            name: 'allow-${i}'
            action: 'Allow'
            ipAddressRange: range
          }
        ]
      }
      registries: [
        {
          server: image.registryServer
          identity: identityId
        }
      ]
      secrets: [
        {
          name: secretNames.databaseConnectionString
          keyVaultUrl: '${keyVaultUri}secrets/${secretNames.databaseConnectionString}'
          identity: identityId
        }
        {
          name: secretNames.redisConfiguration
          keyVaultUrl: '${keyVaultUri}secrets/${secretNames.redisConfiguration}'
          identity: identityId
        }
        {
          name: secretNames.dashboardPassword
          keyVaultUrl: '${keyVaultUri}secrets/${secretNames.dashboardPassword}'
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'dashboard'
          image: '${image.registryServer}/${image.repositoryAndTag}'
          args: [
            'dashboard'
          ]
          env: [
            {
              name: 'ASPNETCORE_URLS'
              value: 'http://+:${httpPort}'
            }
            {
              name: 'AllowedHosts'
              value: join(concat([fqdn], hostNames), ';')
            }
            {
              name: 'Account__Handle'
              value: settings.accountHandle
            }
            {
              name: 'Dashboard__Username'
              value: settings.dashboardUsername
            }
            {
              name: 'Redis__KeyPrefix'
              value: settings.redisKeyPrefix
            }
            {
              name: 'DurableTask__StorageAccountName'
              value: settings.taskHubStorageAccountName
            }
            {
              name: 'DurableTask__HubName'
              value: settings.taskHubName
            }
            {
              name: 'AZURE_CLIENT_ID'
              value: settings.identityClientId
            }
            {
              name: 'Database__ConnectionString'
              secretRef: secretNames.databaseConnectionString
            }
            {
              name: 'Redis__Configuration'
              secretRef: secretNames.redisConfiguration
            }
            {
              name: 'Dashboard__Password'
              secretRef: secretNames.dashboardPassword
            }
          ]
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          probes: [
            {
              type: 'Startup'
              httpGet: healthCheck
              initialDelaySeconds: 5
              periodSeconds: 10
              failureThreshold: 10
              timeoutSeconds: 5
            }
            {
              type: 'Liveness'
              httpGet: healthCheck
              periodSeconds: 30
              failureThreshold: 3
              timeoutSeconds: 5
            }
            {
              type: 'Readiness'
              httpGet: healthCheck
              periodSeconds: 10
              failureThreshold: 3
              timeoutSeconds: 5
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
      }
    }
  }
}

@description('Public host name of the dashboards.')
output fqdn string = dashboard.properties.configuration.ingress.fqdn
