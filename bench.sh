#!/usr/bin/env bash
# End-to-end throughput against a raw-Kafka baseline measured in the same run (see devstack/.../bench/Bench.java).
# Usage: ./bench.sh [readings]   (default 2000). Starts its own stack on free ports; leaves nothing running.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -T1 -DskipTests -Dspotless.check.skip=true package
exec java -Dtributary.root="$PWD" -cp devstack/target/devstack.jar io.tributary.devstack.bench.Bench "$@"
