{{/* Chart name, overridable. */}}
{{- define "market.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Fully qualified app name: <release>-<chart> unless the release name already contains the chart name. */}}
{{- define "market.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "market.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "market.labels" -}}
helm.sh/chart: {{ include "market.chart" . }}
{{ include "market.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "market.selectorLabels" -}}
app.kubernetes.io/name: {{ include "market.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "market.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/*
A component's resource name: "<fullname>-<suffix>", the fullname shortened so that the whole stays within 63
characters (the limit of a label value: a Job's name becomes its pods' job-name label).
usage: include "market.componentName" (list . "migrate")
*/}}
{{- define "market.componentName" -}}
{{- $suffix := index . 1 -}}
{{- $full := include "market.fullname" (index . 0) | trunc (int (sub 62 (len $suffix))) | trimSuffix "-" -}}
{{- printf "%s-%s" $full $suffix -}}
{{- end -}}

{{- define "market.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "market.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
Refuses values that would deploy something broken. Included by the web Deployment, so `helm template`, `helm lint`
and `helm install` all stop with the message.
*/}}
{{- define "market.validate" -}}
{{- $webMax := int .Values.web.replicaCount -}}
{{- if .Values.web.autoscaling.enabled -}}
{{- $webMax = int .Values.web.autoscaling.maxReplicas -}}
{{- end -}}
{{- $redis := or .Values.secrets.redisUrl (and .Values.secrets.existingSecret .Values.secrets.existingSecretHasRedisUrl) -}}
{{- if and (gt $webMax 1) (not $redis) -}}
{{- fail (printf "%d web pods need Redis (REDIS_URL): without it every pod keeps its own cache and rate limits. Set secrets.redisUrl, or secrets.existingSecretHasRedisUrl=true when secrets.existingSecret holds REDIS_URL, or run one web pod (web.replicaCount=1, web.autoscaling.enabled=false)" $webMax) -}}
{{- end -}}
{{- if and .Values.temporal.tls.existingSecret (not .Values.temporal.tls.enabled) -}}
{{- fail "temporal.tls.existingSecret is set but temporal.tls.enabled is false: set temporal.tls.enabled=true (or drop the secret)" -}}
{{- end -}}
{{- if and .Values.temporal.apiKey .Values.temporal.existingApiKeySecret -}}
{{- fail "set temporal.apiKey or temporal.existingApiKeySecret, not both" -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding TEMPORAL_API_KEY, if any: an existing one, or the one this chart creates from temporal.apiKey. */}}
{{- define "market.temporalApiKeySecret" -}}
{{- if .Values.temporal.existingApiKeySecret -}}
{{- .Values.temporal.existingApiKeySecret -}}
{{- else if .Values.temporal.apiKey -}}
{{- include "market.componentName" (list . "temporal") -}}
{{- end -}}
{{- end -}}

{{/* Environment read from other Secrets than the main one (envFrom cannot pick single keys). */}}
{{- define "market.extraSecretEnv" -}}
{{- with include "market.temporalApiKeySecret" . }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: TEMPORAL_API_KEY
{{- end }}
{{- end -}}

{{/* Pod-level settings shared by web, worker and the migration Job. */}}
{{- define "market.podSpecCommon" -}}
serviceAccountName: {{ include "market.serviceAccountName" . }}
# The app never talks to the Kubernetes API.
automountServiceAccountToken: false
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end -}}

{{/* The Secret the pods read: an existing one, or the one this chart creates. */}}
{{- define "market.secretName" -}}
{{- default (include "market.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* ConfigMap data: the non-secret environment. Shared by the ConfigMap and the migration hook's copy. */}}
{{- define "market.configData" -}}
NODE_ENV: "production"
HOST: "0.0.0.0"
PORT: "3000"
DATA_DIR: "/data"
PUBLIC_URL: {{ required "config.publicUrl is required (PUBLIC_URL)" .Values.config.publicUrl | quote }}
LOG_LEVEL: {{ .Values.config.logLevel | quote }}
DATABASE_POOL_MAX: {{ .Values.config.databasePoolMax | quote }}
BODY_LIMIT: {{ .Values.config.bodyLimit | quote }}
TRUST_PROXY: {{ .Values.config.trustProxy | quote }}
{{- with .Values.config.storefrontUrl }}
STOREFRONT_URL: {{ . | quote }}
{{- end }}
TEMPORAL_ADDRESS: {{ required "config.temporal.address is required (TEMPORAL_ADDRESS, host:port)" .Values.config.temporal.address | quote }}
TEMPORAL_NAMESPACE: {{ .Values.config.temporal.namespace | quote }}
TEMPORAL_TASK_QUEUE: {{ .Values.config.temporal.taskQueue | quote }}
{{- with .Values.config.temporal.uiUrl }}
TEMPORAL_UI_URL: {{ . | quote }}
{{- end }}
WORKFLOW_STACK_TRACES: {{ .Values.config.temporal.workflowStackTraces | default false | quote }}
{{- if .Values.temporal.tls.enabled }}
TEMPORAL_TLS: "true"
{{- if .Values.temporal.tls.existingSecret }}
TEMPORAL_TLS_CERT_PATH: "/etc/market/temporal-tls/tls.crt"
TEMPORAL_TLS_KEY_PATH: "/etc/market/temporal-tls/tls.key"
{{- if .Values.temporal.tls.caCert }}
TEMPORAL_TLS_CA_PATH: "/etc/market/temporal-tls/ca.crt"
{{- end }}
{{- end }}
{{- with .Values.temporal.tls.serverName }}
TEMPORAL_TLS_SERVER_NAME: {{ . | quote }}
{{- end }}
{{- end }}
{{- with .Values.config.corsOrigins }}
CORS_ORIGINS: {{ . | quote }}
{{- end }}
S3_BUCKET: {{ required "config.storage.bucket is required (S3_BUCKET)" .Values.config.storage.bucket | quote }}
S3_REGION: {{ .Values.config.storage.region | quote }}
S3_FORCE_PATH_STYLE: {{ .Values.config.storage.forcePathStyle | quote }}
{{- with .Values.config.storage.endpoint }}
S3_ENDPOINT: {{ . | quote }}
{{- end }}
{{- with .Values.config.storage.publicEndpoint }}
S3_PUBLIC_ENDPOINT: {{ . | quote }}
{{- end }}
{{- with .Values.config.search.url }}
SEARCH_URL: {{ . | quote }}
SEARCH_ENGINE: {{ $.Values.config.search.engine | quote }}
SEARCH_INDEX: {{ $.Values.config.search.index | quote }}
{{- with $.Values.config.search.username }}
SEARCH_USERNAME: {{ . | quote }}
{{- end }}
{{- end }}
{{- with .Values.config.payments.provider }}
PAYMENTS_PROVIDER: {{ . | quote }}
{{- end }}
{{- with .Values.config.payments.stripePublishableKey }}
STRIPE_PUBLISHABLE_KEY: {{ . | quote }}
{{- end }}
{{- with .Values.config.payments.stripeApiUrl }}
STRIPE_API_URL: {{ . | quote }}
{{- end }}
SHOP_CURRENCY: {{ .Values.config.checkout.currency | quote }}
SHIPPING_FLAT_AMOUNT: {{ .Values.config.checkout.shippingFlatAmount | quote }}
SHIPPING_FREE_FROM_AMOUNT: {{ .Values.config.checkout.shippingFreeFromAmount | quote }}
{{- with .Values.config.checkout.taxRates }}
TAX_RATES: {{ . | quote }}
{{- end }}
TAX_DEFAULT_RATE: {{ .Values.config.checkout.taxDefaultRate | quote }}
PAYMENT_TIMEOUT_MINUTES: {{ .Values.config.checkout.paymentTimeoutMinutes | quote }}
ORDER_ANSWER_TIMEOUT_SECONDS: {{ .Values.config.checkout.answerTimeoutSeconds | quote }}
MAIL_FROM: {{ .Values.config.mail.from | quote }}
SHOP_NAME: {{ .Values.config.shop.name | quote }}
SHOP_BRAND_COLOR: {{ .Values.config.shop.brandColor | quote }}
{{- with .Values.config.shop.logoUrl }}
SHOP_LOGO_URL: {{ . | quote }}
{{- end }}
{{- with .Values.config.shop.supportEmail }}
SHOP_SUPPORT_EMAIL: {{ . | quote }}
{{- end }}
REFUND_WINDOW_DAYS: {{ .Values.config.fulfilment.refundWindowDays | quote }}
ADMIN_EMAIL: {{ .Values.config.adminEmail | quote }}
SUPPORT_EMAIL: {{ .Values.config.supportEmail | quote }}
{{- range $name, $value := .Values.config.extraEnv }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Secret stringData, when the chart creates the Secret. Empty optional values are left out (unset). */}}
{{- define "market.secretData" -}}
DATABASE_URL: {{ required "secrets.databaseUrl is required (or set secrets.existingSecret)" .Values.secrets.databaseUrl | quote }}
{{- with .Values.secrets.redisUrl }}
REDIS_URL: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.adminPassword }}
ADMIN_PASSWORD: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.supportPassword }}
SUPPORT_PASSWORD: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.metricsToken }}
METRICS_TOKEN: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.s3AccessKeyId }}
S3_ACCESS_KEY_ID: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.s3SecretAccessKey }}
S3_SECRET_ACCESS_KEY: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.searchPassword }}
SEARCH_PASSWORD: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.searchApiKey }}
SEARCH_API_KEY: {{ . | quote }}
{{- end }}
JWT_SECRET: {{ required "secrets.jwtSecret is required (JWT_SECRET, 32+ characters)" .Values.secrets.jwtSecret | quote }}
{{- with .Values.secrets.googleClientId }}
GOOGLE_CLIENT_ID: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.googleClientSecret }}
GOOGLE_CLIENT_SECRET: {{ . | quote }}
{{- end }}
STRIPE_SECRET_KEY: {{ required "secrets.stripeSecretKey is required (STRIPE_SECRET_KEY, sk_live_…)" .Values.secrets.stripeSecretKey | quote }}
STRIPE_WEBHOOK_SECRET: {{ required "secrets.stripeWebhookSecret is required (STRIPE_WEBHOOK_SECRET, whsec_…)" .Values.secrets.stripeWebhookSecret | quote }}
SMTP_URL: {{ required "secrets.smtpUrl is required (SMTP_URL, smtps://user:password@host:465)" .Values.secrets.smtpUrl | quote }}
{{- with .Values.secrets.carrierWebhookSecret }}
CARRIER_WEBHOOK_SECRET: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* Writable scratch space (the root filesystem is read-only), and the Temporal client certificate if any. */}}
{{- define "market.volumes" -}}
- name: tmp
  emptyDir: {}
- name: data
  emptyDir: {}
{{- if and .Values.temporal.tls.enabled .Values.temporal.tls.existingSecret }}
- name: temporal-tls
  secret:
    secretName: {{ .Values.temporal.tls.existingSecret }}
    defaultMode: 0440
{{- end }}
{{- end -}}

{{- define "market.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: data
  mountPath: /data
{{- if and .Values.temporal.tls.enabled .Values.temporal.tls.existingSecret }}
- name: temporal-tls
  mountPath: /etc/market/temporal-tls
  readOnly: true
{{- end }}
{{- end -}}
