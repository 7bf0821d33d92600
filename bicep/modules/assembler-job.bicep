// The assembler: a Container Apps job on the Consumption profile, started by KEDA's azure-queue scaler
// (through the managed identity) for each assembly job message. Each execution runs
// `cloudreel-assembler --queue <queue> --store <blob endpoint>`: one job, outputs to Blob Storage,
// assembly-result.json last, the message deleted only on success (the queue's poison handling does the rest).
param environmentName string
param jobName string
param location string
param tags object

param logAnalyticsName string
param identityId string
param identityClientId string
param registryLoginServer string
param storageAccountName string
param storageBlobEndpoint string
param assemblyQueueName string

@description('The assembler image; azd deploy replaces it with the one it builds from infra/assembler/Dockerfile.')
param image string

@description('Seconds one film may take to assemble.')
param replicaTimeoutSeconds int = 3600

@description('Films assembled at once, at most.')
param maxExecutions int = 4

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: logAnalyticsName
}

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

resource job 'Microsoft.App/jobs@2025-07-01' = {
  name: jobName
  location: location
  tags: union(tags, { 'azd-service-name': 'assembler' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      triggerType: 'Event'
      replicaTimeout: replicaTimeoutSeconds
      // A failed execution is not retried here: its message comes back on the queue and is tried again (5 times, then poison).
      replicaRetryLimit: 0
      eventTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
        scale: {
          minExecutions: 0
          maxExecutions: maxExecutions
          pollingInterval: 30
          rules: [
            {
              name: 'assembly-queue'
              type: 'azure-queue'
              metadata: {
                accountName: storageAccountName
                queueName: assemblyQueueName
                queueLength: '1'
              }
              identity: identityId
            }
          ]
        }
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'assembler'
          image: image
          args: [
            '--queue'
            assemblyQueueName
            '--store'
            storageBlobEndpoint
          ]
          env: [
            { name: 'AZURE_CLIENT_ID', value: identityClientId }
          ]
          resources: {
            cpu: json('2.0')
            memory: '4Gi'
          }
        }
      ]
    }
  }
}

output environmentName string = environment.name
output jobName string = job.name
output jobId string = job.id
