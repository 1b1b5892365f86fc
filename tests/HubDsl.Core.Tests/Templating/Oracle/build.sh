#!/bin/sh
# Builds the oracle in GOPATH mode from Debian's Go sources (no network).
set -e
cd /work/oracle-go/gopath/src/oracle && cp /work/oracle-go/main.go . && GO111MODULE=off GOPATH=/work/oracle-go/gopath:/usr/share/gocode go build -o /work/oracle-go/oracle .
