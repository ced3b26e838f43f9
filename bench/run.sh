#!/usr/bin/env bash
# Runs the load benchmark of docs/benchmarks.md: packages the app, then starts it as its own process against a fake
# GitHub with injected latency and drives signed webhooks at it. Numbers are printed and written to
# target/benchmark.md. Knobs (system properties): bench.rate (100 events/s), bench.seconds (30),
# bench.latency-ms (20), bench.flip-prs (500), bench.flip-writes-per-minute (1200).
set -euo pipefail
cd "$(dirname "$0")/.."
unset HTTP_PROXY http_proxy HTTPS_PROXY https_proxy || true
./mvnw -B -q -DskipTests package
./mvnw -B -q surefire:test -Dtest=LoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/benchmark.md
