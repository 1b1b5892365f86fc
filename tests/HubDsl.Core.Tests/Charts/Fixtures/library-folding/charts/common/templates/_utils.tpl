{{- define "common.key" -}}
{{- range .keys }}{{ . }}{{ end -}}
{{- end }}
{{- define "common.value" -}}
{{- $obj := .context.Values -}}
{{- range (splitList "." .key) -}}
{{- $obj = index $obj . -}}
{{- end -}}
{{ $obj }}
{{- end }}
