// CloudReel in one subscription: `azd up` provisions this, then deploys the Functions app and the
// assembler image. One module per concern (modules/), names from abbreviations.json and a token of
// subscription, environment and location; outputs in UPPER_SNAKE_CASE for azd.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('The azd environment name; it names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Region for every resource (Azure OpenAI Sora 2 and Flex Consumption must be offered there).')
@metadata({ azd: { type: 'location' } })
param location string

@description('The deploying user or pipeline: blob data for uploading orders and reading films, and image pushes.')
param developerPrincipalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
])
param developerPrincipalType string = 'User'

@description('The assembler image; azd sets SERVICE_ASSEMBLER_IMAGE_NAME once it has built one.')
param assemblerImage string = 'mcr.microsoft.com/k8se/quickstart-jobs:latest'

@description('Minutes a film waits for the assembler before it fails with the reason.')
param assemblyTimeoutMinutes int = 60

@secure()
param klingAccessKey string = ''
@secure()
param klingSecretKey string = ''
@secure()
param viduApiKey string = ''
@secure()
param seedanceApiKey string = ''
@secure()
param cogVideoXApiKey string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
// The Durable Task hub in the storage account (the extension's Azure Storage backend, named by host.json).
var taskHubName = 'cloudreel'

// The other services' keys: a Key Vault secret each, and an app setting referring to it, for those given.
var serviceKeys = {
  'kling-access-key': klingAccessKey
  'kling-secret-key': klingSecretKey
  'vidu-api-key': viduApiKey
  'seedance-api-key': seedanceApiKey
  'cogvideox-api-key': cogVideoXApiKey
}
var settingSecrets = {
  Models__Kling__AccessKey: 'kling-access-key'
  Models__Kling__SecretKey: 'kling-secret-key'
  Models__Vidu__ApiKey: 'vidu-api-key'
  Models__Seedance__ApiKey: 'seedance-api-key'
  Models__CogVideoX__ApiKey: 'cogvideox-api-key'
}
var configuredSecrets = toObject(filter(items(settingSecrets), s => !empty(serviceKeys[s.value])), s => s.key, s => s.value)

// Microsoft.Resources is not in the offline type index bicep-lite checks, so the group comes from the
// Azure Verified Module (name, location and tags are all it takes).
module rg 'br/public:avm/res/resources/resource-group:0.4.0' = {
  name: 'resource-group'
  params: {
    name: '${abbrs.resourcesResourceGroups}${environmentName}'
    location: location
    tags: tags
  }
}

var rgName = '${abbrs.resourcesResourceGroups}${environmentName}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: az.resourceGroup(rgName)
  dependsOn: [rg]
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: az.resourceGroup(rgName)
  dependsOn: [rg]
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: az.resourceGroup(rgName)
  dependsOn: [rg]
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module openAI 'modules/openai.bicep' = {
  name: 'openai'
  scope: az.resourceGroup(rgName)
  dependsOn: [rg]
  params: {
    name: '${abbrs.cognitiveServicesOpenAI}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: az.resourceGroup(rgName)
  dependsOn: [rg]
  params: {
    name: '${abbrs.keyVaultVaults}${take(resourceToken, 20)}'
    location: location
    tags: tags
    secrets: serviceKeys
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  scope: az.resourceGroup(rgName)
  dependsOn: [rg]
  params: {
    name: '${abbrs.containerRegistryRegistries}${resourceToken}'
    location: location
    tags: tags
  }
}

module eventTopic 'modules/event-topic.bicep' = {
  name: 'event-topic'
  scope: az.resourceGroup(rgName)
  dependsOn: [rg]
  params: {
    name: '${abbrs.eventGridTopics}${resourceToken}'
    location: location
    tags: tags
  }
}

module eventSource 'modules/event-source.bicep' = {
  name: 'event-source'
  scope: az.resourceGroup(rgName)
  params: {
    name: '${abbrs.eventGridSystemTopics}${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
  }
}

// After rbac: the system topic's identity may send to the queue (and write dead letters) before anything is delivered.
module eventSubscriptions 'modules/event-subscriptions.bicep' = {
  name: 'event-subscriptions'
  scope: az.resourceGroup(rgName)
  dependsOn: [rbac]
  params: {
    systemTopicName: eventSource.outputs.name
    storageAccountId: storage.outputs.id
    queueName: storage.outputs.storageEventsQueueName
    deadLetterContainerName: storage.outputs.eventDeadLetterContainerName
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: az.resourceGroup(rgName)
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    assemblyQueueName: storage.outputs.assemblyQueueName
    taskHubName: taskHubName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    eventTopicEndpoint: eventTopic.outputs.endpoint
    openAIEndpoint: openAI.outputs.endpoint
    soraDeploymentName: openAI.outputs.soraDeploymentName
    chatDeploymentName: openAI.outputs.chatDeploymentName
    keyVaultName: keyVault.outputs.name
    serviceSecrets: configuredSecrets
    assemblyTimeoutMinutes: assemblyTimeoutMinutes
  }
}

module assembler 'modules/assembler-job.bicep' = {
  name: 'assembler'
  scope: az.resourceGroup(rgName)
  params: {
    environmentName: '${abbrs.appManagedEnvironments}${resourceToken}'
    jobName: '${abbrs.appContainerAppsJobs}assembler-${take(resourceToken, 8)}'
    location: location
    tags: tags
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    registryLoginServer: registry.outputs.loginServer
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    assemblyQueueName: storage.outputs.assemblyQueueName
    image: assemblerImage
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: az.resourceGroup(rgName)
  params: {
    identityPrincipalId: identity.outputs.principalId
    eventSourcePrincipalId: eventSource.outputs.principalId
    developerPrincipalId: developerPrincipalId
    developerPrincipalType: developerPrincipalType
    storageAccountName: storage.outputs.name
    eventDeadLetterContainerName: storage.outputs.eventDeadLetterContainerName
    eventTopicName: eventTopic.outputs.name
    openAIAccountName: openAI.outputs.name
    keyVaultName: keyVault.outputs.name
    registryName: registry.outputs.name
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rgName
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output CLOUDREEL_API_URL string = 'https://${functionApp.outputs.defaultHostName}/api'
// The studio (web dashboard): its files are embedded in the app and served by its anonymous Studio function.
output CLOUDREEL_STUDIO_URL string = 'https://${functionApp.outputs.defaultHostName}/api/studio/'
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_ENVIRONMENT_NAME string = assembler.outputs.environmentName
output SERVICE_ASSEMBLER_NAME string = assembler.outputs.jobName
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_EVENTS_QUEUE string = storage.outputs.storageEventsQueueName
output AZURE_EVENT_GRID_TOPIC_ENDPOINT string = eventTopic.outputs.endpoint
output AZURE_OPENAI_ENDPOINT string = openAI.outputs.endpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
