// Events in, part two: the system topic's subscriptions put BlobCreated events on the storage-events
// queue of the same account (Event Grid schema, one event per message, Base64 as the queue trigger
// reads it), where the Function App's OnStorageEvent takes them: orders dropped under orders/incoming/,
// and assembler results (films/<id>/assembly-result.json). A queue, not the Event Grid trigger: its
// extension is not served to our builds, the subscriptions need nothing of the deployed app (so one
// provision makes everything), and a message that keeps failing lands on storage-events-poison instead
// of being dropped.
param systemTopicName string
param storageAccountId string
param queueName string
param deadLetterContainerName string

@description('Seconds an event waits on the queue for the app; -1: until it is read, however long the app is stopped.')
param queueMessageTimeToLiveInSeconds int = -1

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
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

// Delivery and dead-lettering both sign in as the system topic's identity (no keys: the account has none).
var topicIdentity = {
  type: 'SystemAssigned'
}

resource toQueue 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [
  for subscription in subscriptions: {
    parent: systemTopic
    name: subscription.name
    properties: {
      deliveryWithResourceIdentity: {
        identity: topicIdentity
        destination: {
          endpointType: 'StorageQueue'
          properties: {
            resourceId: storageAccountId
            queueName: queueName
            queueMessageTimeToLiveInSeconds: queueMessageTimeToLiveInSeconds
          }
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
      // An event the queue did not take within a day is kept as a blob (<subscription>/<date>/<id>.json), not dropped.
      deadLetterWithResourceIdentity: {
        identity: topicIdentity
        deadLetterDestination: {
          endpointType: 'StorageBlob'
          properties: {
            resourceId: storageAccountId
            blobContainerName: deadLetterContainerName
          }
        }
      }
    }
  }
]
