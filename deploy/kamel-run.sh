#!/usr/bin/env bash
# Runs finance-stream on Camel K with the kamel CLI: the same routes, settings, dependencies and traits as
# deploy/integration.yaml (DeploymentTest keeps the two in step). Run from the repository root:
#
#   deploy/kamel-run.sh            # then: kamel logs finance-stream
#
# Prerequisites (README, "Camel K"): the Camel K operator, the jar in a Maven repository it reads, and the
# finance-stream-lake persistent volume claim.
set -euo pipefail
cd "$(dirname "$0")/.."

kubectl create configmap finance-stream-settings --from-file=application.properties \
  --dry-run=client -o yaml | kubectl apply -f -

kamel run routes/*.camel.yaml \
  --name finance-stream \
  --config configmap:finance-stream-settings \
  -d camel:aws2-kinesis \
  -d camel:aws2-athena \
  -d camel:bean \
  -d camel:direct \
  -d camel:file \
  -d camel:http \
  -d camel:mail \
  -d camel:quartz \
  -d camel:micrometer \
  -d mvn:io.github.financestream:finance-stream:0.1.0-SNAPSHOT \
  -t health.enabled=true -t health.liveness-probe-enabled=true -t health.readiness-probe-enabled=true \
  -t prometheus.enabled=true \
  -t mount.volumes=finance-stream-lake:/data \
  --env CAMEL_MAIN_CONFIGURATION_CLASSES=financestream.FinanceStreamConfiguration \
  --env JOB_RUN_ONCE=false \
  --env JOB_LIVE=true \
  --env LAKE_DIR=/data/lake \
  --env RESULTS_DIR=/data/results \
  --env OBSERVE_ENABLED=true \
  --env CAMEL_MANAGEMENT_ENABLED=false \
  --env CAMEL_METRICS_ENABLED=false \
  "$@"
