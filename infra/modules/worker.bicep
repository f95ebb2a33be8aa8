// The worker: one container app running `followerloop run` on the Playwright image. Every secret
// is a Key Vault reference read with the app's user-assigned identity; nothing secret is inline.
// More than one replica is safe: Hangfire's storage (PostgreSQL) hands each job to one server.

import { image as imageType, secretNames, tags as tagsType, workerSettings } from 'shared.bicep'

@description('Azure region.')
param location string

@description('Container app name.')
param name string

@description('Container Apps environment id.')
param environmentId string

@description('Resource id of the user-assigned identity that pulls the image and reads Key Vault.')
param identityId string

@description('Image to run.')
param image imageType

@description('Key Vault URI (ends with a slash).')
param keyVaultUri string

@description('Non-secret settings.')
param settings workerSettings

@description('Replicas always running (at least one: the worker schedules jobs).')
@minValue(1)
param minReplicas int

@description('Most replicas; they share the Hangfire storage.')
@minValue(1)
param maxReplicas int

@description('vCPUs per replica, as a string (e.g. \'1.0\'); Chromium needs at least one.')
param cpu string

@description('Memory per replica (e.g. \'2Gi\'), matching cpu as Container Apps requires.')
param memory string

@description('CIDR ranges allowed to reach the dashboards; empty allows any address (basic auth still applies).')
param allowedIpRanges string[]

@description('Tags for every resource.')
param tags tagsType

// Browser__ExecutablePath: the stable link the Dockerfile makes to the image's Chromium.
var chromiumPath = '/usr/local/bin/chromium'
var httpPort = 8080

var healthCheck = {
  path: '/healthz'
  port: httpPort
}

resource worker 'Microsoft.App/containerApps@2026-07-01' = {
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
          name: secretNames.xSessionJson
          keyVaultUrl: '${keyVaultUri}secrets/${secretNames.xSessionJson}'
          identity: identityId
        }
        {
          name: secretNames.llmApiKey
          keyVaultUrl: '${keyVaultUri}secrets/${secretNames.llmApiKey}'
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
          name: 'worker'
          image: '${image.registryServer}/${image.repositoryAndTag}'
          args: [
            'run'
          ]
          env: [
            {
              name: 'ASPNETCORE_URLS'
              value: 'http://+:${httpPort}'
            }
            {
              name: 'Account__Handle'
              value: settings.accountHandle
            }
            {
              name: 'XClient__Handle'
              value: settings.accountHandle
            }
            {
              name: 'XClient__BaseUrl'
              value: settings.xBaseUrl
            }
            {
              name: 'Browser__ExecutablePath'
              value: chromiumPath
            }
            {
              name: 'Redis__KeyPrefix'
              value: settings.redisKeyPrefix
            }
            {
              name: 'Llm__Endpoint'
              value: settings.llmEndpoint
            }
            {
              name: 'Llm__Model'
              value: settings.llmModel
            }
            {
              name: 'Dashboard__Username'
              value: settings.dashboardUsername
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
              name: 'XClient__SessionStateJson'
              secretRef: secretNames.xSessionJson
            }
            {
              name: 'Llm__ApiKey'
              secretRef: secretNames.llmApiKey
            }
            {
              name: 'Dashboard__Password'
              secretRef: secretNames.dashboardPassword
            }
          ]
          resources: {
            cpu: json(cpu)
            memory: memory
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

@description('Public host name of the worker (dashboards under /hangfire).')
output fqdn string = worker.properties.configuration.ingress.fqdn
