#!/usr/bin/env bash
# Throughput and latency of the whole platform against raw-Kafka and PostgreSQL baselines measured in the same run
# (see devstack/.../bench/Bench.java): offered-load steps, a burst, and a table of ratios to the baselines.
# Usage: ./bench.sh [--steps 50,100,250,500,1000] [--seconds 60] [--devices 100] [--drain 120] [--burst 10000]
#                   [--burst-wait 600] [--warmup 3000] [--in-flight 256] [--kafka-records 200000]
#                   [--postgres-rows 100000] [--limit-minutes N] [--runs-csv <folder>]
# A quick run: ./bench.sh --steps 50,250 --seconds 20 --burst 2000
# Analytics alone (window updates/s, task latency per type): ./bench.sh --analytics [series] [points] [runs]
# Starts its own stack on free ports; leaves nothing running; the whole run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -T1 -DskipTests -Dspotless.check.skip=true package
main=io.tributary.devstack.bench.Bench
if [[ "${1:-}" == "--analytics" ]]; then
  # Analytics alone, in this JVM with the production JIT: window updates/s and task latency per task type at 10,000
  # series against a raw loop over the same samples: ./bench.sh --analytics [series] [points per series] [runs per type]
  shift
  lib=analytics/target/quarkus-app/lib
  exec java -Xmx2g -cp "analytics/target/test-classes:analytics/target/classes:$lib/boot/*:$lib/main/*" \
    io.tributary.analytics.bench.AnalyticsBench "$@"
fi
if [[ "${1:-}" == "--iot" ]]; then
  # ingest-iot against a raw MQTT→Kafka bridge: ./bench.sh --iot [--messages 50000] [--clients 4] [--in-flight 256]
  #                                                              [--seconds 20] [--warmup-seconds 20]
  main=io.tributary.devstack.bench.IotBench
  shift
fi
exec java -Dtributary.root="$PWD" -cp devstack/target/devstack.jar "$main" "$@"
