#!/usr/bin/env bash
# Runs a Kafka class with the broker's jars, logging warnings to stderr (like Kafka's own script).
set -euo pipefail
log4j=/opt/kafka/config/tools-log4j2.yaml
[[ -f "$log4j" ]] || log4j=/etc/kafka/docker/tools-log4j2.yaml
read -r -a heap <<<"${KAFKA_TOOLS_HEAP_OPTS:--Xmx256m}"
exec java "${heap[@]}" -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="$log4j" -cp '/opt/kafka/libs/*' "$@"
