// Log Analytics: the Container Apps environment sends the worker's console and system logs here.

import { tags as tagsType } from 'shared.bicep'

@description('Azure region.')
param location string

@description('Workspace name.')
param name string

@description('Days to keep logs.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags for every resource.')
param tags tagsType

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

@description('Workspace name, for the environment to read its keys.')
output name string = workspace.name
