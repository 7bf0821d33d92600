// Events in, part one: the storage account's Event Grid system topic, with a system-assigned identity.
// Its subscriptions (event-subscriptions.bicep) deliver with that identity, which rbac.bicep lets send
// queue messages (and write dead letters) on the account before the subscriptions are made.
param name string
param location string
param tags object
param storageAccountId string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
output principalId string = systemTopic.identity.principalId
