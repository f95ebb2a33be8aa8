// Key Vault holding every secret the worker reads. RBAC authorization only (no access policies):
// the worker's identity gets Key Vault Secrets User on this vault, nothing broader.

import { roleIds, tags as tagsType } from 'shared.bicep'

@description('Azure region.')
param location string

@description('Vault name (3-24 letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Name of the user-assigned identity that reads the secrets (the worker\'s).')
param readerIdentityName string

@description('Object id of a person or group that sets secrets by hand (az keyvault secret set); empty for none.')
param operatorPrincipalId string

@description('Secret values the operator provides, by secret name. An empty value leaves the secret already in the vault as it is.')
@secure()
param providedSecrets { *: string }

@description('Tags for every resource.')
param tags tagsType

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    // Reachable over its public endpoint so that an operator can run az keyvault secret set;
    // every data-plane call still needs an Entra identity with a role on this vault.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource reader 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: readerIdentityName
}

resource readerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, reader.id, roleIds.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: reader.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
  }
}

resource operatorRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, roleIds.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    principalId: operatorPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsOfficer)
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = [
  for secret in items(providedSecrets): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
    }
  }
]

@description('Vault name, for the modules that write generated secrets.')
output name string = vault.name

@description('Vault URI (ends with a slash); Key Vault references are built from it.')
output uri string = vault.properties.vaultUri
