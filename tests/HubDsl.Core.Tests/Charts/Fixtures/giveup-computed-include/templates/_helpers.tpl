{{- define "pick.a" -}}{{ .x }}{{- end }}
{{- define "pick.b" -}}{{ .z }}{{- end }}
