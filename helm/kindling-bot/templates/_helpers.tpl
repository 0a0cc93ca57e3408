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

{{/* The governing (headless) Service of the StatefulSet in mode balanced. */}}
{{- define "kindling-bot.headlessServiceName" -}}
{{- printf "%s-headless" (include "kindling-bot.fullname" . | trunc 54 | trimSuffix "-") }}
{{- end }}

{{/* Mode balanced: replicas beyond component_number that stand by to take a dead replica's slot; 1 unless set. */}}
{{- define "kindling-bot.spares" -}}
{{- $balanced := .Values.balanced | default dict }}
{{- if hasKey $balanced "spares" }}{{ int $balanced.spares }}{{ else }}1{{ end }}
{{- end }}

{{/* xmpp.component.balancing of the mode: the balancing type in mode balanced, none otherwise. */}}
{{- define "kindling-bot.balancing" -}}
{{- if eq .Values.mode "balanced" }}
{{- .Values.balanced.balancing }}
{{- else }}
{{- "none" }}
{{- end }}
{{- end }}

{{/*
The pod's grace period: the preStop sleep, the drain (xmpp.component.shutdown-timeout) and a
margin for the rest of the JVM's stop, unless the values pin it.
*/}}
{{- define "kindling-bot.terminationGracePeriodSeconds" -}}
{{- $shutdown := .Values.shutdown }}
{{- .Values.terminationGracePeriodSeconds | default (add $shutdown.preStopSeconds $shutdown.timeoutSeconds $shutdown.marginSeconds) }}
{{- end }}

{{/*
Checks the values that no schema can express (and repeats the schema's checks of mode and
balancing, which helm install --skip-schema-validation would skip).
*/}}
{{- define "kindling-bot.validate" -}}
{{- $mode := .Values.mode }}
{{- $replicas := int .Values.replicaCount }}
{{- $domain := .Values.component.domain }}
{{- if not (has $mode (list "single" "handover" "balanced")) }}
{{- fail (printf "mode is %q, but it must be single, handover or balanced." (toString $mode)) }}
{{- end }}
{{- if and .Values.server.multipleSessionsPerDomain (ne $mode "single") }}
{{- fail (printf "server.multipleSessionsPerDomain applies to mode single only, and mode is %s: remove it. Mode %s already says how the server treats several sessions of %s." $mode $mode $domain) }}
{{- end }}
{{- if eq $mode "single" }}
{{- /* XEP-0114 servers refuse a second session of a domain with <conflict/>, or, like ejabberd without domain_balancing, spread stanzas over the sessions at random. */}}
{{- if and (gt $replicas 1) (not .Values.server.multipleSessionsPerDomain) }}
{{- fail (printf "replicaCount is %d, but mode single runs one session per component domain (%s): a second replica would be refused with <conflict/> (Prosody) or get stanzas at random, without per-sender order (ejabberd without domain_balancing). Keep replicaCount: 1; for upgrades without a gap use mode: handover; for several active replicas on ejabberd use mode: balanced; or set server.multipleSessionsPerDomain=true if your server load-balances several sessions of one domain by itself." $replicas $domain) }}
{{- end }}
{{- else if eq $mode "handover" }}
{{- if ne $replicas 1 }}
{{- fail (printf "replicaCount is %d, but mode handover runs exactly one active replica: the server holds one session for %s, and the second pod exists only during a rollout (maxSurge 1), standing by until the old one has left. Set replicaCount: 1, or use mode: balanced for several active replicas on ejabberd." $replicas $domain) }}
{{- end }}
{{- else }}
{{- $balanced := .Values.balanced | default dict }}
{{- $spares := include "kindling-bot.spares" . | int }}
{{- if not $balanced.componentNumber }}
{{- fail (printf "balanced.componentNumber is required in mode balanced: the component_number of ejabberd's domain_balancing entry for %s (the active replicas); replicaCount (%d) must be componentNumber + balanced.spares (%d)." $domain $replicas $spares) }}
{{- end }}
{{- if lt $spares 0 }}
{{- fail (printf "balanced.spares is %d, but it must be 0 or more." $spares) }}
{{- end }}
{{- if ne (add (int $balanced.componentNumber) $spares) $replicas }}
{{- fail (printf "replicaCount is %d, but mode balanced runs balanced.componentNumber (%d) active replicas plus balanced.spares (%d) spares: set replicaCount to %d. ejabberd gives %s exactly component_number slots: a slot without a replica drops its stanzas silently until a replica takes it, and a spare beyond them takes the slot of one that dies within a fraction of a second. To scale, change componentNumber here and in ejabberd's domain_balancing together." $replicas (int $balanced.componentNumber) $spares (add (int $balanced.componentNumber) $spares) $domain) }}
{{- end }}
{{- if not $balanced.balancing }}
{{- fail (printf "balanced.balancing is required in mode balanced: bare-source or bare-destination, as the type of ejabberd's domain_balancing entry for %s (bare_source or bare_destination)." $domain) }}
{{- end }}
{{- if not (has $balanced.balancing (list "bare-source" "bare-destination")) }}
{{- fail (printf "balanced.balancing is %q, but it must be bare-source or bare-destination (ejabberd's bare_source or bare_destination): Kindling's replicas find their slot and keep per-user order through a bare-JID balancing." (toString $balanced.balancing)) }}
{{- end }}
{{- end }}
{{- /* SIGKILL comes at the end of the grace period: it must leave the drain its whole time. */}}
{{- $drain := add .Values.shutdown.preStopSeconds .Values.shutdown.timeoutSeconds }}
{{- with .Values.terminationGracePeriodSeconds }}
{{- if le (int .) (int $drain) }}
{{- fail (printf "terminationGracePeriodSeconds is %d, but it must be longer than shutdown.preStopSeconds + shutdown.timeoutSeconds (%d + %d = %d): Kubernetes kills the bot when the period ends, in the middle of its drain. Raise it, or leave it unset to have it computed (%d + shutdown.marginSeconds)." (int .) (int $.Values.shutdown.preStopSeconds) (int $.Values.shutdown.timeoutSeconds) (int $drain) (int $drain)) }}
{{- end }}
{{- end }}
{{- /* The chart sets these from its values; a second setting would silently win or lose. */}}
{{- $owned := dict "xmppcomponentshutdowntimeout" "set shutdown.timeoutSeconds instead, from which the grace period and the preStop hook are derived" "xmppcomponentbalancing" "set mode and balanced.balancing instead" "xmppcomponentinstance" "remove it, every pod's instance is its own pod name" }}
{{- range $key, $_ := .Values.springProperties }}
{{- $canonical := $key | lower | replace "-" "" | replace "_" "" | replace "." "" }}
{{- if hasKey $owned $canonical }}
{{- fail (printf "springProperties sets %s, which the chart sets itself: %s." $key (get $owned $canonical)) }}
{{- end }}
{{- end }}
{{- /* The nested form, which --set springProperties.xmpp.component.… gives. */}}
{{- $component := "" }}
{{- $xmpp := get .Values.springProperties "xmpp" }}
{{- if kindIs "map" $xmpp }}
{{- $component = get $xmpp "component" }}
{{- end }}
{{- if kindIs "map" $component }}
{{- range $key, $_ := $component }}
{{- $canonical := printf "xmppcomponent%s" ($key | lower | replace "-" "" | replace "_" "") }}
{{- if hasKey $owned $canonical }}
{{- fail (printf "springProperties sets xmpp.component.%s, which the chart sets itself: %s." $key (get $owned $canonical)) }}
{{- end }}
{{- end }}
{{- end }}
{{- range .Values.env }}
{{- $canonical := .name | lower | replace "-" "" | replace "_" "" | replace "." "" }}
{{- if hasKey $owned $canonical }}
{{- fail (printf "env sets %s, which the chart sets itself: %s." .name (get $owned $canonical)) }}
{{- end }}
{{- end }}
{{- end }}
