// Every role assignment, least privilege, each scoped to the one resource it is for. The app's identity
// is shared by the Function App and the assembler job; the storage account's Event Grid system topic
// delivers events with its own identity; the optional developer principal gets what uploading orders
// and `azd deploy` need.
param identityPrincipalId string

@description('The Event Grid system topic\'s identity: it puts BlobCreated events on the storage-events queue.')
param eventSourcePrincipalId string

@description('The deploying user or pipeline (deployer().objectId by default); empty to assign nothing to it.')
param developerPrincipalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
])
param developerPrincipalType string = 'User'

param storageAccountName string
param eventDeadLetterContainerName string
param eventTopicName string
param openAIAccountName string
param keyVaultName string
param registryName string

// Built-in role definition ids (they are the same in every tenant).
var roles = {
  // Blobs: the clip store (read, create, overwrite outputs), user delegation keys for SAS read links, the
  // Functions host's own storage and deployment package (identity-based host storage documents Owner),
  // and the Durable Task Azure Storage backend's leases and large messages (<hub>-leases, <hub>-largemessages).
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // The developer uploads orders and reads films; the system topic writes dead letters (one container).
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // Queues: the Durable Task backend's control and work-item queues (<hub>-control-NN, <hub>-workitems),
  // assembly jobs sent, taken and deleted, the storage-events and poison-queue triggers reading and deleting.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Tables: the Durable Task backend's instance and history tables (<hub>Instances, <hub>History), and
  // the Functions host's diagnostic events.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Add messages to queues, nothing else: Event Grid's delivery to storage-events.
  storageQueueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
  // Publish film events to the topic, nothing else.
  eventGridDataSender: 'd5a91429-5739-47e2-a06b-3470a27159e7'
  // Inference on the Azure OpenAI deployments (Sora video jobs, planner chat); no management rights.
  cognitiveServicesOpenAIUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  // Read secret values for Key Vault references; not list or write.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // The assembler job pulls its image.
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  // azd deploy pushes the assembler image (developer only).
  acrPush: '8311e382-0749-4cb8-b61a-304f252e45ec'
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' existing = {
  parent: storage
  name: 'default'
}

resource deadLetters 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = {
  parent: blobService
  name: eventDeadLetterContainerName
}

resource eventTopic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: eventTopicName
}

resource openAI 'Microsoft.CognitiveServices/accounts@2026-03-01' existing = {
  name: openAIAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' existing = {
  name: registryName
}

var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource appStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storage.id, identityPrincipalId, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource eventSourceQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, eventSourcePrincipalId, roles.storageQueueDataMessageSender)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataMessageSender)
    principalId: eventSourcePrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource eventSourceDeadLetters 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetters.id, eventSourcePrincipalId, roles.storageBlobDataContributor)
  scope: deadLetters
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: eventSourcePrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appEvents 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(eventTopic.id, identityPrincipalId, roles.eventGridDataSender)
  scope: eventTopic
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.eventGridDataSender)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appOpenAI 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAI.id, identityPrincipalId, roles.cognitiveServicesOpenAIUser)
  scope: openAI
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesOpenAIUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identityPrincipalId, roles.acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The developer: upload orders and read films (blob data), push the image.
resource developerBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(storage.id, developerPrincipalId, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: developerPrincipalId
    principalType: developerPrincipalType
  }
}

resource developerPush 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(registry.id, developerPrincipalId, roles.acrPush)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPush)
    principalId: developerPrincipalId
    principalType: developerPrincipalType
  }
}
