#!/usr/bin/env sh
# Runs mojaloop-release-bot locally against a simulated GitHub (no GitHub account needed), plays a short scripted
# set of signed webhooks through the bot's real endpoint and shows the result at http://localhost:8080/sandbox.
set -eu
cd "$(dirname "$0")"
# the bot's GitHub client must reach the local simulated GitHub directly
unset HTTP_PROXY HTTPS_PROXY http_proxy https_proxy ALL_PROXY all_proxy || true
./mvnw -B -q -ntp -Dquarkus.analytics.disabled=true package -DskipTests -Daot.skip  # no AOT training: the sandbox starts without the cache
echo "Starting the sandbox: open http://localhost:${QUARKUS_HTTP_PORT:-8080}/sandbox (Ctrl-C to stop)"
exec java -Dquarkus.profile=sandbox -jar target/quarkus-app/quarkus-run.jar
