#!/usr/bin/env bash
# Times the README's first command on a fresh clone, from `git clone` to the page being served.
#   scripts/time-fresh-clone.sh cold   # empty npm cache and Maven repository (downloads everything)
#   scripts/time-fresh-clone.sh warm   # the machine's npm cache and ~/.m2 as they are
# The clone runs on its own ports (app 4300, Neo4j 7740) so it never meets a running app.
set -euo pipefail
mode=${1:-warm}
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d /tmp/conflict-links-clone.XXXXXX)
if [[ $mode == cold ]]; then
  export npm_config_cache=$work/npm-cache
  export MAVEN_OPTS="-Dmaven.repo.local=$work/m2"
fi
start=$(date +%s.%N)
git clone -q "$repo" "$work/app"
cd "$work/app"
( PORT=4300 NEO4J_LOCAL_PORT=7740 bash -c 'npm ci --no-audit --no-fund && npm start' >"$work/app.log" 2>&1 ) &
runner=$!
until curl -fs http://127.0.0.1:4300/ | grep -q '<title>conflict-links</title>'; do
  if ! kill -0 $runner 2>/dev/null; then echo "the app stopped; see $work/app.log"; tail -20 "$work/app.log"; exit 1; fi
  sleep 1
done
end=$(date +%s.%N)
printf '%s fresh clone to page served: %.0f s (log: %s)\n' "$mode" "$(echo "$end - $start" | bc)" "$work/app.log"
pkill -TERM -f "$work/app/node_modules/.bin/tsx api/main.ts" || pkill -TERM -f "tsx api/main.ts.*" -P $runner || true
sleep 8
pkill -f "$work/app" || true
