{{ toYaml .Values.config.data }}
