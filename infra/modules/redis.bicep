// Azure Cache for Redis: TLS only (port 6380, TLS 1.2 at least), no public network access; the
// worker reaches it through a private endpoint in the virtual network. Writes the worker's
// StackExchange.Redis configuration string (with the access key) to Key Vault.

import { secretNames, tags as tagsType } from 'shared.bicep'

@description('Azure region.')
param location string

@description('Cache name (1-63 letters, digits and hyphens, globally unique).')
@minLength(1)
@maxLength(63)
param name string

@description('Virtual network the private DNS zone is linked to.')
param vnetId string

@description('Subnet for the private endpoint.')
param privateEndpointSubnetId string

@description('Basic (no replica, no SLA), Standard (replicated) or Premium.')
param skuName 'Basic' | 'Standard' | 'Premium'

@description('Cache size: 0-6 for C (Basic, Standard), 1-5 for P (Premium).')
@minValue(0)
@maxValue(6)
param capacity int

@description('Key Vault that receives the configuration string.')
param keyVaultName string

@description('Tags for every resource.')
param tags tagsType

resource redis 'Microsoft.Cache/redis@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
      family: skuName == 'Premium' ? 'P' : 'C'
      capacity: capacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    redisVersion: '6'
  }
}

resource dnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.redis.cache.windows.net'
  location: 'global'
  tags: tags
}

resource dnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: dnsZone
  name: 'redis-vnet'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetId
    }
  }
}

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2026-03-01' = {
  name: '${name}-pe'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'redis'
        properties: {
          privateLinkServiceId: redis.id
          groupIds: [
            'redisCache'
          ]
        }
      }
    ]
  }
}

resource dnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2026-03-01' = {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'redis'
        properties: {
          privateDnsZoneId: dnsZone.id
        }
      }
    ]
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource configuration 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: secretNames.redisConfiguration
  properties: {
    contentType: 'StackExchange.Redis configuration'
    value: '${redis.properties.hostName}:${redis.properties.sslPort},password=${redis.listKeys().primaryKey},ssl=true,abortConnect=false'
  }
}

@description('Cache host name (resolves to the private endpoint inside the virtual network).')
output hostName string = redis.properties.hostName
