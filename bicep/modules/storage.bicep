// The storage account: the clip store (containers clips, films, orders), the assembly queue and its
// poison queue, the Functions host's own storage and its deployment package. Entra ID only: shared
// keys are disabled, so every client signs in with the managed identity (or the developer's account).
param name string
param location string
param tags object

@description('The Function App\'s deployment package container (Flex Consumption deploys from it).')
param deploymentContainerName string

@description('The queue the assembler job scales on; "<name>-poison" holds jobs that failed too often.')
param assemblyQueueName string = 'assembly-jobs'

var clipStoreContainers = [
  'clips'
  'films'
  'orders'
]

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  for container in concat(clipStoreContainers, [deploymentContainerName]): {
    parent: blobs
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queues 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource assemblyQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for queue in [assemblyQueueName, '${assemblyQueueName}-poison']: {
    parent: queues
    name: queue
  }
]

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output assemblyQueueName string = assemblyQueueName
