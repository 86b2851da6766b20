#!/usr/bin/env bash
# Runs finance-stream on Camel K 2.10.1 with the kamel CLI of that release: the same sources, settings,
# dependencies, repository and traits as deploy/integration.yaml (DeploymentTest keeps the two equal). From the
# repository root, after publishing the jar (docs/camel-k.md):
#
#   FINANCE_STREAM_REPOSITORY=https://your.repo/maven deploy/kamel-run.sh      # then: kamel logs finance-stream
set -euo pipefail
cd "$(dirname "$0")/.."
repository="${FINANCE_STREAM_REPOSITORY:-https://maven.example.org/finance-stream}"

kubectl apply -f deploy/pvc.yaml
kubectl create configmap finance-stream-settings --from-file=application.properties \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl create configmap finance-stream-kubernetes --from-file=deploy/kubernetes.properties \
  --dry-run=client -o yaml | kubectl apply -f -

# --use-flows=false: one source per file, as camel-main loads them (the default merges all files into one
# spec.flows, and each file's error handling is meant for its own routes)
kamel run routes/*.camel.yaml \
  --name finance-stream \
  --use-flows=false \
  -d camel:aws2-kinesis \
  -d camel:aws2-athena \
  -d camel:bean \
  -d camel:direct \
  -d camel:file \
  -d camel:http \
  -d camel:mail \
  -d camel:quartz \
  -d camel:micrometer \
  -d mvn:io.quarkus:quarkus-micrometer-registry-prometheus \
  -d mvn:io.github.financestream:finance-stream:0.1.0-SNAPSHOT \
  --maven-repository "$repository@id=finance-stream@snapshots" \
  -t camel.runtime-provider=plain-quarkus -t camel.runtime-version=3.33.2 \
  -t health.enabled=true -t health.liveness-probe-enabled=true -t health.readiness-probe-enabled=true \
  --config configmap:finance-stream-settings --config configmap:finance-stream-kubernetes \
  --volume finance-stream-lake:/data \
  -t deployment.strategy=Recreate \
  --env CAMEL_MAIN_CONFIGURATION_CLASSES=financestream.FinanceStreamConfiguration \
  --env JOB_RUN_ONCE=false \
  --env JOB_LIVE=true \
  --env LAKE_DIR=/data/lake \
  --env RESULTS_DIR=/data/results \
  --env OBSERVE_ENABLED=true \
  "$@"
