// The storage account: the clip store (containers clips, films, orders), the assembly queue and its
// poison queue, the queue Event Grid delivers the account's BlobCreated events to (and the container
// for events it could not deliver), the Functions host's own storage with the Durable Task state
// (the extension's Azure Storage backend keeps its task hub's queues, tables and blobs here too) and the
// deployment package. Entra ID only: shared keys are disabled, so every client signs in with a
// managed identity (or the developer's account).
param name string
param location string
param tags object

@description('The Function App\'s deployment package container (Flex Consumption deploys from it).')
param deploymentContainerName string

@description('The queue the assembler job scales on; "<name>-poison" holds jobs that failed too often.')
param assemblyQueueName string = 'assembly-jobs'

@description('The queue Event Grid puts BlobCreated events on; the Function App\'s OnStorageEvent reads it (EventFunctions.StorageEventsQueue).')
param storageEventsQueueName string = 'storage-events'

@description('Where Event Grid leaves an event it could not put on the queue (after its retries), so no order is lost unseen.')
param eventDeadLetterContainerName string = 'event-deadletter'

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
  for container in concat(clipStoreContainers, [deploymentContainerName, eventDeadLetterContainerName]): {
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

// Made here: Event Grid does not create the queue it delivers to. The Functions host
// makes "storage-events-poison" itself when a message fails five times.
resource storageEventsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = {
  parent: queues
  name: storageEventsQueueName
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output assemblyQueueName string = assemblyQueueName
output storageEventsQueueName string = storageEventsQueue.name
output eventDeadLetterContainerName string = eventDeadLetterContainerName
