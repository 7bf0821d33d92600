// Azure OpenAI: Sora 2 for video and a chat model for the planner, Entra ID only (no keys).
param name string
param location string
param tags object

param soraDeploymentName string = 'sora-2'
param soraModelName string = 'sora-2'
param soraModelVersion string = '2025-10-06'
param chatDeploymentName string = 'gpt-4o-mini'
param chatModelName string = 'gpt-4o-mini'
param chatModelVersion string = '2024-07-18'

@description('Sora jobs at once the deployment takes (its capacity); CloudReel holds the same cap across every film.')
param soraCapacity int = 2
param chatCapacity int = 30

resource account 'Microsoft.CognitiveServices/accounts@2026-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource sora 'Microsoft.CognitiveServices/accounts/deployments@2026-03-01' = {
  parent: account
  name: soraDeploymentName
  sku: {
    name: 'GlobalStandard'
    capacity: soraCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: soraModelName
      version: soraModelVersion
    }
  }
}

resource chat 'Microsoft.CognitiveServices/accounts/deployments@2026-03-01' = {
  parent: account
  name: chatDeploymentName
  // One deployment at a time on an account.
  dependsOn: [
    sora
  ]
  sku: {
    name: 'GlobalStandard'
    capacity: chatCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: chatModelName
      version: chatModelVersion
    }
  }
}

output id string = account.id
output name string = account.name
output endpoint string = 'https://${name}.openai.azure.com/'
output soraDeploymentName string = sora.name
output chatDeploymentName string = chat.name
