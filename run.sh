#!/usr/bin/env bash
# Starts the whole platform locally: Kafka, MQTT, PostgreSQL, the five services, demo sources and a demo flow (see
# README). Builds first when a source changed since the last build. Ctrl-C stops everything. Needs only a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")"
launcher=devstack/target/devstack.jar
if [ ! -f "$launcher" ] || [ -n "$(find . -path ./.tributary -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$launcher" -print -quit)" ]; then
  echo "Building Tributary (./mvnw package)..."
  ./mvnw -B -q -T1 -DskipTests -Dspotless.check.skip=true package
  touch "$launcher"
fi
exec java -Dtributary.root="$PWD" -jar "$launcher"
