// `followerloop migrate` as a manually started Container Apps job. Azure PostgreSQL has no public
// endpoint, so the schema is applied from inside the virtual network: az containerapp job start.
// The job gets the database connection string and nothing else.

import { image as imageType, secretNames, tags as tagsType } from 'shared.bicep'

@description('Azure region.')
param location string

@description('Job name.')
param name string

@description('Container Apps environment id.')
param environmentId string

@description('Resource id of the user-assigned identity that pulls the image and reads Key Vault.')
param identityId string

@description('Image to run.')
param image imageType

@description('Key Vault URI (ends with a slash).')
param keyVaultUri string

@description('Tags for every resource.')
param tags tagsType

resource job 'Microsoft.App/jobs@2026-07-01' = {
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
      triggerType: 'Manual'
      manualTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
      }
      replicaTimeout: 900
      replicaRetryLimit: 1
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
      ]
    }
    template: {
      containers: [
        {
          name: 'migrate'
          image: '${image.registryServer}/${image.repositoryAndTag}'
          args: [
            'migrate'
          ]
          env: [
            {
              name: 'Database__ConnectionString'
              secretRef: secretNames.databaseConnectionString
            }
          ]
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
        }
      ]
    }
  }
}

@description('Job name, for az containerapp job start.')
output name string = job.name
