// Events in: the storage account's system topic, with two subscriptions to the Function App's Event
// Grid trigger (OnStorageEvent): orders dropped under orders/incoming/, and assembler results
// (films/<id>/assembly-result.json). The subscriptions need the function to exist, so they are made by
// the second provision azd's postdeploy hook runs (eventSubscriptionsEnabled).
param systemTopicName string
param location string
param tags object
param storageAccountId string
param functionAppId string
param eventSubscriptionsEnabled bool

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

var subscriptions = [
  {
    name: 'orders-incoming'
    subjectBeginsWith: '/blobServices/default/containers/orders/blobs/incoming/'
    subjectEndsWith: ''
  }
  {
    name: 'assembly-results'
    subjectBeginsWith: '/blobServices/default/containers/films/blobs/'
    subjectEndsWith: '/assembly-result.json'
  }
]

resource toFunctions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [
  for subscription in subscriptions: if (eventSubscriptionsEnabled) {
    parent: systemTopic
    name: subscription.name
    properties: {
      destination: {
        endpointType: 'AzureFunction'
        properties: {
          resourceId: '${functionAppId}/functions/OnStorageEvent'
          maxEventsPerBatch: 1
          preferredBatchSizeInKilobytes: 64
        }
      }
      eventDeliverySchema: 'EventGridSchema'
      filter: {
        includedEventTypes: [
          'Microsoft.Storage.BlobCreated'
        ]
        subjectBeginsWith: subscription.subjectBeginsWith
        subjectEndsWith: subscription.subjectEndsWith
      }
      retryPolicy: {
        maxDeliveryAttempts: 30
        eventTimeToLiveInMinutes: 1440
      }
    }
  }
]

output systemTopicName string = systemTopic.name
