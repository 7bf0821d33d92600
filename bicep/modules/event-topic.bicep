// Events out: the CloudEvents 1.0 topic the app publishes film events to (Entra ID only: EventGrid
// Data Sender for the app's identity in rbac.bicep). Integrators subscribe to it.
param name string
param location string
param tags object

resource filmEvents 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output id string = filmEvents.id
output name string = filmEvents.name
output endpoint string = filmEvents.properties.endpoint
