{{/*
The pod template of the bot, shared by the Deployment (modes single and handover) and the
StatefulSet (mode balanced). Called with the root context.
*/}}
{{- define "kindling-bot.podTemplate" -}}
metadata:
  annotations:
    {{- if not .Values.secret.existingSecret }}
    checksum/secret: {{ include (print $.Template.BasePath "/secret.yaml") . | sha256sum }}
    {{- end }}
    {{- if .Values.metrics.podAnnotations }}
    prometheus.io/scrape: "true"
    prometheus.io/port: {{ .Values.management.port | quote }}
    prometheus.io/path: {{ .Values.metrics.path | quote }}
    {{- end }}
    {{- with .Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  labels:
    {{- include "kindling-bot.labels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.serviceAccountName }}
  serviceAccountName: {{ . }}
  {{- end }}
  automountServiceAccountToken: false
  terminationGracePeriodSeconds: {{ include "kindling-bot.terminationGracePeriodSeconds" . }}
  securityContext:
    {{- toYaml .Values.podSecurityContext | nindent 4 }}
  containers:
    - name: bot
      image: "{{ required "image.repository is required: the bot's image, e.g. registry.example.com/kindling/echo-bot." .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      securityContext:
        {{- toYaml .Values.securityContext | nindent 8 }}
      ports:
        - name: management
          containerPort: {{ .Values.management.port }}
          protocol: TCP
      env:
        - name: XMPP_COMPONENT_HOST
          value: {{ required "server.host is required: the host name of the XMPP server's component listener." .Values.server.host | quote }}
        - name: XMPP_COMPONENT_PORT
          value: {{ .Values.server.port | quote }}
        - name: XMPP_COMPONENT_DOMAIN
          value: {{ required "component.domain is required: the component's full domain as the XMPP server knows it, e.g. echo.example.com." .Values.component.domain | quote }}
        - name: XMPP_COMPONENT_SECRET
          valueFrom:
            secretKeyRef:
              name: {{ include "kindling-bot.secretName" . }}
              key: {{ .Values.secret.key }}
        # The samples start a local Prosody by default; in a cluster the bot joins the real server.
        - name: XMPP_DEVSERVER_ENABLED
          value: "false"
        - name: MANAGEMENT_SERVER_PORT
          value: {{ .Values.management.port | quote }}
        - name: MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED
          value: "true"
        # xmpp.component.shutdown-timeout, from the same value as the grace period and the preStop.
        - name: XMPP_COMPONENT_SHUTDOWNTIMEOUT
          value: {{ printf "%ds" (int .Values.shutdown.timeoutSeconds) | quote }}
        # xmpp.component.balancing: none (one active session, the others stand by) unless balanced.
        - name: XMPP_COMPONENT_BALANCING
          value: {{ include "kindling-bot.balancing" . | quote }}
        {{- if eq .Values.mode "balanced" }}
        # xmpp.component.instance: the pod's name, <statefulset>-<ordinal>, one per replica.
        - name: XMPP_COMPONENT_INSTANCE
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        {{- end }}
        {{- with .Values.springProperties }}
        - name: SPRING_APPLICATION_JSON
          value: {{ toJson . | quote }}
        {{- end }}
        {{- with .Values.env }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with .Values.envFrom }}
      envFrom:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      startupProbe:
        httpGet:
          path: /actuator/health/liveness
          port: management
        {{- toYaml .Values.probes.startup | nindent 8 }}
      livenessProbe:
        httpGet:
          path: /actuator/health/liveness
          port: management
        {{- toYaml .Values.probes.liveness | nindent 8 }}
      readinessProbe:
        httpGet:
          path: /actuator/health/readiness
          port: management
        {{- toYaml .Values.probes.readiness | nindent 8 }}
      {{- with .Values.shutdown.preStopSeconds }}
      lifecycle:
        preStop:
          sleep:
            seconds: {{ . }}
      {{- end }}
      {{- with .Values.resources }}
      resources:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    # The root filesystem is read-only; the JVM and Tomcat write here.
    - name: tmp
      emptyDir:
        sizeLimit: {{ .Values.tmpSizeLimit }}
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
