{{- define "dollar.name" -}}
{{ $.name | default "none" }}
{{- end }}
