{{/* Name of the chart, overridable. */}}
{{- define "kindling-bot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified name of the release's objects. */}}
{{- define "kindling-bot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "kindling-bot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kindling-bot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kindling-bot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "kindling-bot.labels" -}}
helm.sh/chart: {{ include "kindling-bot.chart" . }}
{{ include "kindling-bot.selectorLabels" . }}
app.kubernetes.io/version: {{ (.Values.image.tag | default .Chart.AppVersion) | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: xmpp-component
{{- end }}

{{/* The Secret holding the component secret: the chart's own, or the one named by existingSecret. */}}
{{- define "kindling-bot.secretName" -}}
{{- if .Values.secret.existingSecret }}
{{- .Values.secret.existingSecret }}
{{- else }}
{{- include "kindling-bot.fullname" . }}
{{- end }}
{{- end }}

{{/*
Checks the values that no schema can express. XEP-0114 servers accept one session per component
domain and answer a second one with <conflict/>, so several replicas only work when the server says
otherwise.
*/}}
{{- define "kindling-bot.validate" -}}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.server.multipleSessionsPerDomain) }}
{{- fail (printf "replicaCount is %d, but an XEP-0114 server accepts one session per component domain (%s): a second replica would be refused with <conflict/> and retry forever. Keep replicaCount: 1 and scale with one release per component domain, or set server.multipleSessionsPerDomain=true if your server load-balances several sessions of one domain." (int .Values.replicaCount) .Values.component.domain) }}
{{- end }}
{{- end }}
