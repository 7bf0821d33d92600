// Log Analytics for every log, and Application Insights (Entra ID only) on top of it.
param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object

@description('The app\'s identity: it sends telemetry with Entra ID (Monitoring Metrics Publisher on this component only).')
param identityPrincipalId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

// Microsoft.Insights/components is not in the offline type index bicep-lite checks against, so this one
// resource comes from the Azure Verified Module (its parameters are checked by the real Bicep build in CI).
module applicationInsights 'br/public:avm/res/insights/component:0.6.0' = {
  name: 'application-insights'
  params: {
    name: applicationInsightsName
    location: location
    tags: tags
    kind: 'web'
    applicationType: 'web'
    workspaceResourceId: workspace.id
    disableLocalAuth: true
    retentionInDays: 30
    roleAssignments: [
      {
        // Monitoring Metrics Publisher: send telemetry, nothing else.
        roleDefinitionIdOrName: '3913510d-42f4-4e42-8a64-420c390055eb'
        principalId: identityPrincipalId
        principalType: 'ServicePrincipal'
      }
    ]
  }
}

output logAnalyticsWorkspaceId string = workspace.id
output logAnalyticsName string = workspace.name
output applicationInsightsId string = applicationInsights.outputs.resourceId
output applicationInsightsConnectionString string = applicationInsights.outputs.connectionString
