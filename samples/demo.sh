#!/usr/bin/env bash
# The demo command (README): builds everything, runs the sample backtest under the tracer, then shows the
# analyzer's runs, the lineage of the first fill and the latency table.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/setup

mvn -B -q -ntp package -DskipTests
store=samples/target/demo-events
rm -rf "$store"

echo "== java -javaagent:agent/target/tracer.jar -Dtracer.config=samples/tracer.properties -jar samples/target/samples.jar"
java -javaagent:agent/target/tracer.jar -Dtracer.config=samples/tracer.properties -Dtracer.store="$store" \
  -jar samples/target/samples.jar

analyzer() { analyzer/target/analyzer "$@" --store "$store"; }
echo; echo "== analyzer runs"
analyzer runs
run=$(analyzer runs --format csv | sed -n 2p | cut -d, -f1)
fill=$(analyzer events --run "$run" --type FILL --limit 1 --format csv | sed -n 2p | cut -d, -f1)
echo; echo "== analyzer lineage --run $run --event $fill"
analyzer lineage --run "$run" --event "$fill"
echo; echo "== analyzer latency --run $run"
analyzer latency --run "$run"
