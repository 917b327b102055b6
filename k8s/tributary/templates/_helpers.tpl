{{/*
Helpers. Per-service templates call them with a context dict: root ($), name (the service), svc (its values).
*/}}

{{/* The name of a service's resources: <release>-<service>, within the 63 characters of a DNS label. */}}
{{- define "tributary.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels: fixed for the life of a release, so never the version (a selector cannot change). */}}
{{- define "tributary.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "tributary.labels" -}}
{{ include "tributary.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: tributary
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Labels of release-wide resources (topics, the default-deny policy). */}}
{{- define "tributary.releaseLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: tributary
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* jvm or native, the service's own choice first. */}}
{{- define "tributary.imageMode" -}}
{{- (.svc.image).mode | default .root.Values.image.mode -}}
{{- end -}}

{{/* repository@digest, or repository:tag; the chart's default tag gets "-native" for a native image. */}}
{{- define "tributary.image" -}}
{{- $image := .svc.image | default dict -}}
{{- $repository := $image.repository | default (printf "%s/%s" .root.Values.image.registry .name) -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $repository $image.digest -}}
{{- else if $image.tag -}}
{{- printf "%s:%s" $repository $image.tag -}}
{{- else -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s:%s%s" $repository $tag (ternary "-native" "" (eq (include "tributary.imageMode" .) "native")) -}}
{{- end -}}
{{- end -}}

{{/*
Where Quarkus looks for config/application.properties: the working directory of the image, /deployments for the JVM
image (run-java.sh starts there), /work for the native one (Quarkus' conventions, kept by our Dockerfiles).
*/}}
{{- define "tributary.workDir" -}}
{{- ternary "/work" "/deployments" (eq (include "tributary.imageMode" .) "native") -}}
{{- end -}}

{{/*
The service's application.properties overrides: its HTTP port and its config values. Backslashes are doubled so a
value reaches the service as written in values.yaml (properties files read "\" as an escape).
*/}}
{{- define "tributary.properties" -}}
quarkus.http.port={{ .svc.port }}
quarkus.management.port={{ .root.Values.managementPort }}
{{- with .root.Values.tracing }}
{{- if .enabled }}
quarkus.otel.sdk.disabled=false
quarkus.otel.exporter.otlp.traces.endpoint={{ .endpoint }}
quarkus.otel.exporter.otlp.traces.protocol={{ .protocol }}
{{- end }}
{{- end }}
{{- range $key, $value := .svc.config }}
{{ $key }}={{ toString $value | replace "\\" "\\\\" }}
{{- end }}
{{- end -}}

{{/* A Secret key as an env var value. */}}
{{- define "tributary.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end -}}

{{/*
Kafka client settings of every service. Quarkus hands each KAFKA_* variable to every Kafka channel as the client
setting of the same name (KAFKA_SASL_JAAS_CONFIG is sasl.jaas.config); PEM content goes in as values, so no keystore
files need to be written on a read-only filesystem.
*/}}
{{- define "tributary.kafkaEnv" -}}
{{- $kafka := .Values.kafka -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ $kafka.bootstrapServers | quote }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ $kafka.securityProtocol }}
{{- if hasPrefix "SASL_" $kafka.securityProtocol }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $kafka.sasl.mechanism }}
{{ include "tributary.secretEnv" (dict "env" "KAFKA_SASL_JAAS_CONFIG" "secret" $kafka.sasl.jaasConfigSecret.name "key" $kafka.sasl.jaasConfigSecret.key) }}
{{- end }}
{{- if hasSuffix "SSL" $kafka.securityProtocol }}
{{- with $kafka.tls.caSecret }}
{{- if .name }}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
{{ include "tributary.secretEnv" (dict "env" "KAFKA_SSL_TRUSTSTORE_CERTIFICATES" "secret" .name "key" .key) }}
{{- end }}
{{- end }}
{{- with $kafka.tls.clientSecret }}
{{- if .name }}
- name: KAFKA_SSL_KEYSTORE_TYPE
  value: PEM
{{ include "tributary.secretEnv" (dict "env" "KAFKA_SSL_KEYSTORE_CERTIFICATE_CHAIN" "secret" .name "key" .certificateKey) }}
{{ include "tributary.secretEnv" (dict "env" "KAFKA_SSL_KEYSTORE_KEY" "secret" .name "key" .keyKey) }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
A NetworkPolicy rule: these TCP ports, to (egress) or from (ingress) these peers, or any address when none is given.
Called with ports, peers and direction ("to" or "from").
*/}}
{{- define "tributary.networkRule" -}}
- ports:
  {{- range .ports }}
    - protocol: TCP
      port: {{ . }}
  {{- end }}
  {{- with .peers }}
  {{ $.direction }}:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/* Egress beyond Kafka: the database (orchestrator, ingest-api), ingest-iot's broker, the HTTP and upstream sources. */}}
{{- define "tributary.serviceEgress" -}}
{{- with .root.Values.security.jwt }}
{{- if hasPrefix "http" .publicKeyLocation }}
{{ include "tributary.networkRule" (dict "ports" .ports "peers" .to "direction" "to") }}
{{- end }}
{{- end }}
{{- $values := .root.Values -}}
{{- if has .name (list "orchestrator" "ingest-api") }}
{{ include "tributary.networkRule" (dict "ports" $values.postgresql.networkPolicy.ports "peers" $values.postgresql.networkPolicy.to "direction" "to") }}
{{- end }}
{{- if eq .name "ingest-iot" }}
{{ include "tributary.networkRule" (dict "ports" (list $values.mqtt.port) "peers" $values.mqtt.networkPolicy.to "direction" "to") }}
{{- else if .svc.networkPolicy }}
{{ include "tributary.networkRule" (dict "ports" .svc.networkPolicy.ports "peers" .svc.networkPolicy.to "direction" "to") }}
{{- end }}
{{- end -}}

{{/* Ingress: the API of the orchestrator, and Prometheus on every service when it scrapes them. */}}
{{- define "tributary.serviceIngress" -}}
{{- $values := .root.Values -}}
{{- if eq .name "orchestrator" }}
{{ include "tributary.networkRule" (dict "ports" (list .svc.port) "peers" $values.networkPolicy.apiFrom "direction" "from") }}
{{- end }}
{{- if $values.serviceMonitor.enabled }}
{{ include "tributary.networkRule" (dict "ports" (list $values.managementPort) "peers" $values.networkPolicy.metricsFrom "direction" "from") }}
{{- end }}
{{- end -}}

{{/* What only some services need: the orchestrator and ingest-api their database, ingest-iot its broker. */}}
{{- define "tributary.serviceEnv" -}}
{{- $root := .root -}}
{{- with $root.Values.security.jwt }}
{{- if .publicKeyLocation }}
- name: MP_JWT_VERIFY_PUBLICKEY_LOCATION
  value: {{ .publicKeyLocation | quote }}
- name: MP_JWT_VERIFY_ISSUER
  value: {{ required "security.jwt.issuer is required with security.jwt.publicKeyLocation" .issuer | quote }}
- name: SMALLRYE_JWT_PATH_GROUPS
  value: {{ .groupsPath | quote }}
{{- if .audiences }}
- name: MP_JWT_VERIFY_AUDIENCES
  value: {{ .audiences | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if and (eq .name "orchestrator") (include "tributary.flowsConfigMap" $root) }}
- name: TRIBUTARY_ORCHESTRATOR_FLOWS_DIRECTORY
  value: /etc/tributary/flows
{{- end }}
{{- if has .name (list "orchestrator" "ingest-api") }}
{{- with $root.Values.postgresql }}
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: {{ .reactiveUrl | quote }}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ .jdbcUrl | quote }}
{{ include "tributary.secretEnv" (dict "env" "QUARKUS_DATASOURCE_USERNAME" "secret" .existingSecret "key" .usernameKey) }}
{{ include "tributary.secretEnv" (dict "env" "QUARKUS_DATASOURCE_PASSWORD" "secret" .existingSecret "key" .passwordKey) }}
{{- end }}
{{- else if eq .name "ingest-iot" }}
{{- with $root.Values.mqtt }}
- name: TRIBUTARY_IOT_HOST
  value: {{ .host | quote }}
- name: TRIBUTARY_IOT_PORT
  value: {{ .port | quote }}
# The pod's name, stable in a StatefulSet: the broker keeps this replica's session (and queued readings) under it.
- name: TRIBUTARY_IOT_CLIENT_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- if .existingSecret }}
{{ include "tributary.secretEnv" (dict "env" "TRIBUTARY_IOT_USERNAME" "secret" .existingSecret "key" "username") }}
- name: TRIBUTARY_IOT_PASSWORD_FILE
  value: /etc/tributary/mqtt/password
{{- end }}
- name: TRIBUTARY_IOT_TLS_ENABLED
  value: {{ .tls.enabled | quote }}
{{- if .tls.enabled }}
- name: TRIBUTARY_IOT_TLS_VERIFY_HOSTNAME
  value: {{ .tls.verifyHostname | quote }}
{{- if .tls.caSecret }}
- name: TRIBUTARY_IOT_TLS_TRUST_CERTIFICATE
  value: /etc/tributary/mqtt-ca/ca.crt
{{- end }}
{{- if .tls.clientSecret }}
- name: TRIBUTARY_IOT_TLS_CLIENT_CERTIFICATE
  value: /etc/tributary/mqtt-client/tls.crt
- name: TRIBUTARY_IOT_TLS_CLIENT_KEY
  value: /etc/tributary/mqtt-client/tls.key
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Secrets mounted as files: ingest-iot's broker password (re-read at each connection) and PEM files. */}}
{{- define "tributary.secretMounts" -}}
{{- if eq .name "ingest-iot" }}
{{- with .root.Values.mqtt }}
{{- if .existingSecret }}
mqtt: {{ .existingSecret }}
{{- end }}
{{- if and .tls.enabled .tls.caSecret }}
mqtt-ca: {{ .tls.caSecret }}
{{- end }}
{{- if and .tls.enabled .tls.clientSecret }}
mqtt-client: {{ .tls.clientSecret }}
{{- end }}
{{- end }}
{{- else if eq .name "ingest-api" }}
{{- range .svc.secrets }}
{{ . }}: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
ingest-iot is a StatefulSet so that each replica keeps its name, its MQTT client id, across restarts; the other
services hold no identity and are Deployments.
*/}}
{{- define "tributary.workloadKind" -}}
{{- ternary "StatefulSet" "Deployment" (eq .name "ingest-iot") -}}
{{- end -}}

{{/*
More than one ingest-iot replica without a shared group on a subscription would make every replica receive every
reading of it: refused at install rather than found as duplicates.
*/}}
{{- define "tributary.checkIotReplicas" -}}
{{- $svc := index .Values.services "ingest-iot" -}}
{{- if and $svc.enabled (or $svc.autoscaling.enabled (gt (int $svc.replicas) 1)) -}}
{{- range $key, $_ := $svc.config -}}
{{- if and (hasPrefix "tributary.iot.subscriptions." $key) (hasSuffix ".topic" $key) -}}
{{- $group := printf "%s.shared-group" (trimSuffix ".topic" $key) -}}
{{- if not (index $svc.config $group) -}}
{{- fail (printf "services.ingest-iot: more than one replica needs %s, or every replica receives every reading" $group) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The ConfigMap of flow files the orchestrator mounts: an existing one, the chart's own from `flows`, or none.
*/}}
{{- define "tributary.flowsConfigMap" -}}
{{- if .Values.flowsConfigMap -}}
{{ .Values.flowsConfigMap }}
{{- else if .Values.flows -}}
{{ printf "%s-flows" .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end -}}
{{- end -}}
