// The Azure Functions app on Flex Consumption (.NET 10 isolated worker), signed in as the user-assigned
// identity everywhere: host storage (which also holds the Durable Task state: host.json keeps the Durable
// extension's Azure Storage backend on AzureWebJobsStorage), deployment package, clip store, queues,
// Event Grid, Azure OpenAI and Key Vault. Every setting the code reads is set here
// (functions/CloudReel.Functions/Hosting/AppSettings.cs names them; a test holds the two together).
param name string
param planName string
param location string
param tags object

param identityId string
param identityClientId string

param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string
param assemblyQueueName string

@minLength(3)
@maxLength(45)
@description('The Durable Task hub: the prefix of its queues, tables and blob containers in the storage account (a letter, then letters and digits).')
param taskHubName string

param applicationInsightsConnectionString string
param eventTopicEndpoint string
param openAIEndpoint string
param soraDeploymentName string
param chatDeploymentName string
param keyVaultName string

@description('Secret names in the Key Vault for the other video services; an empty name leaves that service unconfigured.')
param serviceSecrets object = {}

@description('Minutes a film waits for the assembler before it fails with the reason.')
param assemblyTimeoutMinutes int = 60

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

// Key Vault references: the platform resolves them with keyVaultReferenceIdentity; values never pass through here.
var secretSettings = [
  for setting in items(serviceSecrets): {
    name: setting.key
    value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${setting.value})'
  }
]

var appSettings = concat([
  // The Functions host's own storage, by identity (Storage Blob Data Owner, Queue and Table Data Contributor
  // in rbac.bicep): the host, the queue triggers and the Durable Task backend (blobs, queues, tables) all use it.
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storageBlobEndpoint }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storageQueueEndpoint }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: storageTableEndpoint }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
  // host.json names the task hub through this setting.
  { name: 'TASKHUB_NAME', value: taskHubName }
  // DefaultAzureCredential signs in as the user-assigned identity.
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  { name: 'Storage__BlobEndpoint', value: storageBlobEndpoint }
  { name: 'Assembly__Queue', value: assemblyQueueName }
  { name: 'Api__QueuedAssemblyTimeoutMinutes', value: string(assemblyTimeoutMinutes) }
  { name: 'Slots__StaleAfterHours', value: '6' }
  { name: 'Events__EventGrid__Endpoint', value: eventTopicEndpoint }
  { name: 'Models__AzureOpenAI__Endpoint', value: openAIEndpoint }
  { name: 'Models__AzureOpenAI__UseEntraId', value: 'true' }
  { name: 'Models__AzureOpenAI__ManagedIdentityClientId', value: identityClientId }
  { name: 'Models__AzureOpenAI__Sora2__Deployment', value: soraDeploymentName }
  // Only Sora 2 is deployed; Sora 1 would answer "deployment not found".
  { name: 'Models__AzureOpenAI__Sora1__Enabled', value: 'false' }
  { name: 'Planner__Deployment', value: chatDeploymentName }
], secretSettings)

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: appSettings
    }
  }
}

output id string = functionApp.id
output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
