// Deployment settings for infra/main.bicep. Secrets are never written here: they are read from
// environment variables when the deployment starts (see infra/README.md, "Deploy to Azure"). A
// secret variable left unset keeps the value already in Key Vault.
using './main.bicep'

// The X account to grow, without the @ (required).
param accountHandle = readEnvironmentVariable('FOLLOWERLOOP_ACCOUNT_HANDLE')

// The audience's time zone, an IANA id (Europe/Berlin, America/New_York); hours are learned and planned in it.
param accountTimeZone = readEnvironmentVariable('FOLLOWERLOOP_ACCOUNT_TIME_ZONE', 'UTC')

// 'Browser' (Functions on Azure Container Apps, with Chromium) or 'Api' (Functions on Flex Consumption, the X API).
param xClientProvider = 'Browser'

// Empty until the images are pushed to the registry the first deployment creates.
param imageTag = readEnvironmentVariable('FOLLOWERLOOP_IMAGE_TAG', '')

// 'azurePostgres' (a Flexible Server in the virtual network) or 'supabase' (an external database).
param databaseProvider = 'azurePostgres'
param postgresAdminPassword = readEnvironmentVariable('FOLLOWERLOOP_POSTGRES_ADMIN_PASSWORD', '')
// The apps' role followerloop_app: ASCII, e.g. openssl rand -base64 32.
param appDatabasePassword = readEnvironmentVariable('FOLLOWERLOOP_APP_DB_PASSWORD', '')
param supabaseConnectionString = readEnvironmentVariable('FOLLOWERLOOP_SUPABASE_CONNECTION_STRING', '')
param supabaseAppConnectionString = readEnvironmentVariable('FOLLOWERLOOP_SUPABASE_APP_CONNECTION_STRING', '')

param llmEndpoint = 'https://api.openai.com/v1'
param llmModel = 'gpt-4.1-mini'
param llmApiKey = readEnvironmentVariable('FOLLOWERLOOP_LLM_API_KEY', '')

param dashboardUsername = 'admin'
param dashboardPassword = readEnvironmentVariable('FOLLOWERLOOP_DASHBOARD_PASSWORD', '')
// CIDR ranges allowed to reach the dashboards, e.g. ['203.0.113.7/32']; empty allows any address.
param dashboardAllowedIpRanges = []
// More host names the dashboards answer to, e.g. ['dashboard.example.com'] (a custom domain); any other Host gets a 400.
param dashboardHostNames = []

// Browser: Playwright storage state of a logged-in x.com session: export FOLLOWERLOOP_X_SESSION_JSON="$(cat storage-state.json)".
param xSessionJson = readEnvironmentVariable('FOLLOWERLOOP_X_SESSION_JSON', '')

// Api: the X app's OAuth 1.0a keys and the account's access token (developer.x.com, "Keys and tokens").
param xApiConsumerKey = readEnvironmentVariable('FOLLOWERLOOP_X_API_CONSUMER_KEY', '')
param xApiConsumerSecret = readEnvironmentVariable('FOLLOWERLOOP_X_API_CONSUMER_SECRET', '')
param xApiAccessToken = readEnvironmentVariable('FOLLOWERLOOP_X_API_ACCESS_TOKEN', '')
param xApiAccessTokenSecret = readEnvironmentVariable('FOLLOWERLOOP_X_API_ACCESS_TOKEN_SECRET', '')

// Gets Key Vault Secrets Officer (az keyvault secret set) and the task hub's data roles (Durable
// Functions Monitor): az ad signed-in-user show --query id -o tsv.
param operatorPrincipalId = readEnvironmentVariable('FOLLOWERLOOP_OPERATOR_PRINCIPAL_ID', '')

// Browser: the Functions container app's replicas (at least 1: nothing scales it up from zero).
param functionsMinReplicas = 1
param functionsMaxReplicas = 1
