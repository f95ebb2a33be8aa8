// Deployment settings for infra/main.bicep. Secrets are never written here: they are read from
// environment variables when the deployment starts (see infra/README.md, "Deploy to Azure"). A
// secret variable left unset keeps the value already in Key Vault.
using './main.bicep'

// The X account to grow, without the @ (required).
param accountHandle = readEnvironmentVariable('FOLLOWERLOOP_ACCOUNT_HANDLE')

// Empty until the image is pushed to the registry the first deployment creates.
param workerImageTag = readEnvironmentVariable('FOLLOWERLOOP_IMAGE_TAG', '')

// 'azurePostgres' (a Flexible Server in the virtual network) or 'supabase' (an external database).
param databaseProvider = 'azurePostgres'
param postgresAdminPassword = readEnvironmentVariable('FOLLOWERLOOP_POSTGRES_ADMIN_PASSWORD', '')
param supabaseConnectionString = readEnvironmentVariable('FOLLOWERLOOP_SUPABASE_CONNECTION_STRING', '')

param llmEndpoint = 'https://api.openai.com/v1'
param llmModel = 'gpt-4.1-mini'
param llmApiKey = readEnvironmentVariable('FOLLOWERLOOP_LLM_API_KEY', '')

param dashboardUsername = 'admin'
param dashboardPassword = readEnvironmentVariable('FOLLOWERLOOP_DASHBOARD_PASSWORD', '')
// CIDR ranges allowed to reach the dashboards, e.g. ['203.0.113.7/32']; empty allows any address.
param dashboardAllowedIpRanges = []

// Playwright storage state of a logged-in x.com session: export FOLLOWERLOOP_X_SESSION_JSON="$(cat storage-state.json)".
param xSessionJson = readEnvironmentVariable('FOLLOWERLOOP_X_SESSION_JSON', '')

// Gets Key Vault Secrets Officer so that it can run az keyvault secret set: az ad signed-in-user show --query id -o tsv.
param operatorPrincipalId = readEnvironmentVariable('FOLLOWERLOOP_OPERATOR_PRINCIPAL_ID', '')

param workerMinReplicas = 1
param workerMaxReplicas = 1
