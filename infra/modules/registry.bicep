// Azure Container Registry for the worker image. No admin user and no anonymous pull: the worker's
// managed identity pulls with AcrPull, scoped to this registry only.

import { roleIds, tags as tagsType } from 'shared.bicep'

@description('Azure region.')
param location string

@description('Registry name (5-50 letters and digits, globally unique).')
@minLength(5)
@maxLength(50)
param name string

@description('Name of the user-assigned identity that pulls images (the worker\'s).')
param pullerIdentityName string

@description('Tags for every resource.')
param tags tagsType

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
  }
}

resource puller 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: pullerIdentityName
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, puller.id, roleIds.acrPull)
  scope: registry
  properties: {
    principalId: puller.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.acrPull)
  }
}

@description('Registry name, for az acr build.')
output name string = registry.name

@description('Login server the container apps pull from.')
output loginServer string = registry.properties.loginServer
