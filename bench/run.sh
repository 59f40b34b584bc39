#!/usr/bin/env bash
# bench/run.sh — HTTP load benchmark of the Miliê API on this machine (localhost only).
#
# What it does, in order, and nothing else:
#   1. waits until the machine is quiet (1-minute load ≤ BENCH_MAX_LOAD and CPU busy ≤ BENCH_MAX_BUSY %
#      over 5 s), at most BENCH_QUIET_BUDGET seconds in total for the whole run;
#   2. starts the packaged app (BENCH_JAR, default target/quarkus-app/quarkus-run.jar; built only with BENCH_BUILD=1)
#      on 127.0.0.1:BENCH_PORT against the local PostgreSQL database BENCH_DB, with an RSA key pair
#      from BENCH_KEYS (generated there if missing) and the OUTBOX RELAY OFF (MILIE_OUTBOX_INTERVAL=off:
#      submissions still write their receipt to the outbox in their transaction, but no relay delivers
#      them during the run, so the measure is the request path only, with no SMTP server to fail on);
#      Flyway migrates the schema at start; waits for /q/health/ready;
#   3. seeds through the API what it needs, as the bootstrap sysadmin (BENCH_ADMIN_EMAIL/PASSWORD create
#      it when the staff table is empty): POST /auth/login, then the administration and the category
#      BENCH-HTTP (POST /administrations, POST /categories) unless they exist;
#   4. collects BENCH_CODES existing tracking codes (psql; submits 200 requests first if the database
#      has fewer than 100);
#   5. for each endpoint: waits for a quiet machine, runs wrk BENCH_WARMUP (discarded), then wrk
#      BENCH_DURATION with --latency, at BENCH_THREADS threads and BENCH_CONNECTIONS connections:
#        ceiling  GET  /api/v1/tracking/NOT-A-CODE  404 problem+json from the same JAX-RS resource,
#                                                          security, filters and exception mapper, no SQL
#                                                          (a malformed code is refused before any query)
#        health   GET  /q/health/live                     for reference: a Vert.x route outside the REST stack
#        submit   POST /api/v1/requests                   bench/lua/submit.lua: a valid complaint, a distinct
#                                                          Idempotency-Key each
#        track    GET  /api/v1/tracking/{code}      bench/lua/track.lua: a random existing code, no key
#      and counts the database transactions committed meanwhile (pg_stat_database.xact_commit);
#   6. prints a Markdown table (req/s, p50, p99, ratio to the ceiling, non-2xx, load) and writes it with
#      every wrk output and the app's log to BENCH_OUT; stops the app on exit, whatever happens (trap).
# Duration: ~3 min (4 × (warm-up + run) + start), plus quiet waits (BENCH_QUIET_BUDGET at most).
#
# Needs: java 17+, wrk, curl, jq, psql, openssl; a PostgreSQL on 127.0.0.1 where BENCH_DB exists and
# belongs to BENCH_DB_USER (e.g. `createdb -O milie milie_bench`, then bench/sql/generate-requests.sql
# for a realistic volume, see docs/PERFORMANCE.md).
#
# Usage: bench/run.sh            (from the repository root; every setting below can be overridden)
#        BENCH_BUILD=1 BENCH_DURATION=60s bench/run.sh
#        BENCH_MIGRATE_ONLY=1 bench/run.sh    only starts the app once (Flyway migrates BENCH_DB, the
#                                             bootstrap sysadmin is created) and stops it: before
#                                             generate-requests.sql on a new database
set -euo pipefail

cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh

start_app
if [ "$BENCH_MIGRATE_ONLY" = 1 ]; then
  log "schema of $BENCH_DB migrated: $("${PSQL[@]}" -c 'select version from flyway_schema_history where version is not null order by installed_rank desc limit 1')"
  exit 0
fi

# --- Seed through the API -------------------------------------------------------------------------
TOKEN=$(sign_in "$BENCH_ADMIN_EMAIL" "$BENCH_ADMIN_PASSWORD") || die "cannot sign in as $BENCH_ADMIN_EMAIL (another sysadmin already on this database?)"
seed_category "$TOKEN"

# --- Tracking codes -------------------------------------------------------------------------------
REQUESTS=$(seed_requests 100 200)
"${PSQL[@]}" -c "select tracking_code from citizen_request order by random() limit $BENCH_CODES" >"$BENCH_OUT/codes.txt"
log "$REQUESTS requests in the database; $(wc -l <"$BENCH_OUT/codes.txt") tracking codes collected"

# --- Measurements ---------------------------------------------------------------------------------
xacts() { "${PSQL[@]}" -c "select xact_commit from pg_stat_database where datname = current_database()"; }
field() { # field NAME FILE: p50, p99, rps, total, non2xx, errors from a wrk --latency output
  case $1 in
    p50) awk '$1 == "50%" { print $2 }' "$2" ;;
    p99) awk '$1 == "99%" { print $2 }' "$2" ;;
    rps) awk '$1 == "Requests/sec:" { print $2 }' "$2" ;;
    total) awk '/requests in/ { print $1 }' "$2" ;;
    non2xx) awk '/Non-2xx or 3xx responses:/ { print $NF; found = 1 } END { if (!found) print 0 }' "$2" ;;
    errors) awk '/Socket errors:/ { sub(/.*Socket errors: /, ""); print; found = 1 } END { if (!found) print "none" }' "$2" ;;
  esac
}

ROWS=()
measure() { # measure NAME DESCRIPTION WRK-ARGS...
  local name=$1 what=$2
  shift 2
  wait_quiet 0
  local load busy=$LAST_BUSY
  load=$(load1)
  log "$name: warm-up $BENCH_WARMUP (load $load, CPU $busy % before)"
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_WARMUP" "$@" >"$BENCH_OUT/$name-warmup.txt"
  local x0 x1
  x0=$(xacts)
  log "$name: measuring $BENCH_DURATION"
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency "$@" >"$BENCH_OUT/$name.txt"
  x1=$(xacts)
  local f="$BENCH_OUT/$name.txt" total
  total=$(field total "$f")
  local per
  per=$(awk -v x=$((x1 - x0)) -v n="$total" 'BEGIN { printf "%.2f", (n > 0 ? x / n : 0) }')
  ROWS+=("$name|$what|$(field rps "$f")|$(field p50 "$f")|$(field p99 "$f")|$(field non2xx "$f")|$(field errors "$f")|$per|$load|$busy")
  log "$name: $(field rps "$f") req/s, p50 $(field p50 "$f"), p99 $(field p99 "$f"), non-2xx $(field non2xx "$f"), $per DB transactions per request"
}

measure ceiling 'GET /api/v1/tracking/NOT-A-CODE (404, no SQL)' "$API/tracking/NOT-A-CODE"
measure health 'GET /q/health/live (reference)' "$BASE/q/health/live"
measure submit 'POST /api/v1/requests' -s bench/lua/submit.lua "$BASE" -- BENCH-HTTP
measure track 'GET /api/v1/tracking/{code}' -s bench/lua/track.lua "$BASE" -- "$BENCH_OUT/codes.txt"
stop_app

# --- Report ---------------------------------------------------------------------------------------
CEILING=$(field rps "$BENCH_OUT/ceiling.txt")
{
  echo "Miliê API, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS, $BENCH_WARMUP warm-up + $BENCH_DURATION each; $REQUESTS requests in $BENCH_DB;" \
    "outbox relay off; load before start $START_LOAD (CPU $START_BUSY %)$QUIET_NOTE"
  echo
  echo "| endpoint | req/s | p50 | p99 | ratio to ceiling | non-2xx | socket errors | DB xacts/req | load1 (CPU %) before |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name what rps p50 p99 non2xx errors per load busy <<<"$row"
    ratio=$(awk -v a="$rps" -v c="$CEILING" 'BEGIN { printf "%.0f %%", 100 * a / c }')
    echo "| $what | $rps | $p50 | $p99 | $ratio | $non2xx | $errors | $per | $load ($busy %) |"
  done
  echo
  echo "Targets: submission ≥ 25 % of the ceiling, tracking ≥ 50 %. Raw wrk outputs and the app log: $BENCH_OUT/"
} | tee "$BENCH_OUT/summary.md"
