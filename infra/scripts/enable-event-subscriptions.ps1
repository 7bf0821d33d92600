# azd postdeploy hook (Windows): see enable-event-subscriptions.sh.
$ErrorActionPreference = 'Stop'
$enabled = (azd env get-value EVENT_SUBSCRIPTIONS_ENABLED 2>$null)
if ($enabled -eq 'true') { Write-Host 'Event Grid subscriptions are already on.'; exit 0 }
azd env set EVENT_SUBSCRIPTIONS_ENABLED true
azd provision --no-prompt
