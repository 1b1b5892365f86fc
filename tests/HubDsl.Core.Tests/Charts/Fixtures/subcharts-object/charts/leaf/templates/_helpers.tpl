{{- define "leaf.name" -}}{{ .Values.nameOverride | default "leaf" }}{{- end }}
