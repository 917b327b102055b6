#!/usr/bin/env bash
# Starts the whole platform locally: builds the services, then runs Kafka, MQTT, PostgreSQL, the five services,
# demo sources and a demo flow (see README). Ctrl-C stops everything. Needs only a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -T1 -DskipTests -Dspotless.check.skip=true package
exec java -Dtributary.root="$PWD" -jar devstack/target/devstack.jar
