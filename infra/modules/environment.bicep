// The Container Apps environment: workload-profiles (Consumption) in the virtual network's apps
// subnet, so that its apps reach PostgreSQL and Redis over private addresses. Logs go to Log Analytics.

import { tags as tagsType } from 'shared.bicep'

@description('Azure region.')
param location string

@description('Environment name.')
param name string

@description('Subnet delegated to Microsoft.App/environments.')
param infrastructureSubnetId string

@description('Log Analytics workspace that receives the logs.')
param logAnalyticsWorkspaceName string

@description('Tags for every resource.')
param tags tagsType

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2026-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    vnetConfiguration: {
      infrastructureSubnetId: infrastructureSubnetId
      internal: false
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    zoneRedundant: false
  }
}

@description('Environment resource id.')
output id string = environment.id

@description('Domain of the environment\'s apps: an external app answers at <app name>.<this>.')
output defaultDomain string = environment.properties.defaultDomain
