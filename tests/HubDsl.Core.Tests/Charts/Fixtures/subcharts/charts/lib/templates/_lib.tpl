{{- define "lib.nothing" -}}{{- end }}
