// Key Vault for the keys of the video services outside Azure (Kling, Vidu, Seedance, CogVideoX). Access
// by RBAC; the app reads them through Key Vault references. A secret is written only when its value is
// given (azd prompts for the secure parameters, or leave them empty and add the secret later).
param name string
param location string
param tags object

@secure()
@description('Secret name to value; empty values are skipped.')
param secrets object = {}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource secretValues 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for secret in items(secrets): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
    }
  }
]

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
