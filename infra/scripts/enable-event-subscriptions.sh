#!/bin/sh
# azd postdeploy hook: the Event Grid subscriptions point at the deployed OnStorageEvent function, so they
# can only be created after the first deploy. Switch them on once and provision again (idempotent).
set -eu
if [ "$(azd env get-value EVENT_SUBSCRIPTIONS_ENABLED 2>/dev/null || echo false)" = "true" ]; then
  echo "Event Grid subscriptions are already on."
  exit 0
fi
azd env set EVENT_SUBSCRIPTIONS_ENABLED true
azd provision --no-prompt
