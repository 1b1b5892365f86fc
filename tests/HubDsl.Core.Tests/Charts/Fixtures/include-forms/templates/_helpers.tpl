{{- define "forms.image" -}}
{{ .global.registry }}/{{ .image.registry | default "" }}{{ .image.repository }}
{{- end }}
{{- define "forms.name" -}}
{{ default "forms" .Values.nameOverride }}
{{- end }}
{{- define "forms.ref" -}}
{{- $image := index . 0 -}}
{{- $registry := index . 1 -}}
{{ $registry }}/{{ $image.repository }}:{{ $image.tag }}
{{- end }}
