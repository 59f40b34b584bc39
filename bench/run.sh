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
#        ceiling  GET  /api/v1/requests/track/NOT-A-CODE  404 problem+json from the same JAX-RS resource,
#                                                          security, filters and exception mapper, no SQL
#                                                          (a malformed code is refused before any query)
#        health   GET  /q/health/live                     for reference: a Vert.x route outside the REST stack
#        submit   POST /api/v1/requests                   bench/lua/submit.lua: a valid complaint, a distinct
#                                                          Idempotency-Key each
#        track    GET  /api/v1/requests/track/{code}      bench/lua/track.lua: a random existing code, no key
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

BENCH_BUILD=${BENCH_BUILD:-0}
BENCH_MIGRATE_ONLY=${BENCH_MIGRATE_ONLY:-0}
BENCH_DB=${BENCH_DB:-milie_bench}
BENCH_DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
BENCH_DB_PORT=${BENCH_DB_PORT:-5432}
BENCH_DB_USER=${BENCH_DB_USER:-milie}
BENCH_DB_PASSWORD=${BENCH_DB_PASSWORD:-milie}
BENCH_PORT=${BENCH_PORT:-18080}
BENCH_KEYS=${BENCH_KEYS:-/tmp/bench-keys}
BENCH_ADMIN_EMAIL=${BENCH_ADMIN_EMAIL:-bench@milie.local}
BENCH_ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-Bench-Admin-2026!}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_WARMUP=${BENCH_WARMUP:-10s}
BENCH_DURATION=${BENCH_DURATION:-30s}
BENCH_CODES=${BENCH_CODES:-1000}
BENCH_MAX_LOAD=${BENCH_MAX_LOAD:-1.0}
BENCH_MAX_BUSY=${BENCH_MAX_BUSY:-25}
BENCH_QUIET_BUDGET=${BENCH_QUIET_BUDGET:-900}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
BENCH_OUT=${BENCH_OUT:-target/bench/$(date -u +%Y%m%dT%H%M%SZ)}

BASE="http://127.0.0.1:${BENCH_PORT}"
API="$BASE/api/v1"
JAR=${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}
export PGPASSWORD="$BENCH_DB_PASSWORD"
PSQL=(psql -X -q -At -h "$BENCH_DB_HOST" -p "$BENCH_DB_PORT" -U "$BENCH_DB_USER" -d "$BENCH_DB" -v ON_ERROR_STOP=1)

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in java wrk curl jq psql openssl; do
  command -v "$tool" >/dev/null || die "$tool is needed"
done
case "$BENCH_DB_HOST" in 127.0.0.1 | localhost | ::1) ;; *) die "BENCH_DB_HOST must be local" ;; esac
mkdir -p "$BENCH_OUT"

# --- Quiet machine --------------------------------------------------------------------------------
QUIET_SPENT=0
load1() { cut -d' ' -f1 /proc/loadavg; }
# Percentage of CPU time not idle over the next 5 seconds, all cores together.
cpu_busy() {
  local _ u1 n1 s1 i1 w1 q1 sq1 st1 u2 n2 s2 i2 w2 q2 sq2 st2
  read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ </proc/stat
  sleep 5
  read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ </proc/stat
  local total=$(((u2 + n2 + s2 + i2 + w2 + q2 + sq2 + st2) - (u1 + n1 + s1 + i1 + w1 + q1 + sq1 + st1)))
  local idle=$(((i2 + w2) - (i1 + w1)))
  echo $((100 * (total - idle) / (total > 0 ? total : 1)))
}
# wait_quiet LOAD_TOO: with LOAD_TOO=1 the load average must be low as well (before the app runs;
# afterwards our own previous phase keeps it up for minutes, so only the instant CPU use counts).
LAST_BUSY=0
QUIET_NOTE=""
wait_quiet() {
  local with_load=$1 busy load
  while :; do
    busy=$(cpu_busy)
    load=$(load1)
    if ((busy <= BENCH_MAX_BUSY)) && { [ "$with_load" = 0 ] || awk -v l="$load" -v m="$BENCH_MAX_LOAD" 'BEGIN { exit !(l <= m) }'; }; then
      break
    fi
    if ((QUIET_SPENT >= BENCH_QUIET_BUDGET)); then
      log "machine still busy (load $load, CPU $busy %) after ${QUIET_SPENT}s of waiting: measuring anyway"
      QUIET_NOTE=" (NOT QUIET: waited ${QUIET_SPENT}s in vain)"
      break
    fi
    log "machine busy (load $load, CPU $busy %): waiting 30 s"
    sleep 30
    QUIET_SPENT=$((QUIET_SPENT + 35))
  done
  LAST_BUSY=$busy
}

# --- The application ------------------------------------------------------------------------------
APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the app (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT
trap 'exit 130' INT TERM

if [ "$BENCH_BUILD" = 1 ]; then
  log "building: ./mvnw -q package -DskipTests"
  ./mvnw -q package -DskipTests
fi
[ -f "$JAR" ] || die "$JAR is missing: build it (./mvnw -q package -DskipTests) or set BENCH_BUILD=1"
"${PSQL[@]}" -c 'select 1' >/dev/null || die "cannot reach database $BENCH_DB on $BENCH_DB_HOST:$BENCH_DB_PORT"
if curl -s -o /dev/null "$BASE/q/health/live"; then
  die "something already listens on 127.0.0.1:$BENCH_PORT; set BENCH_PORT"
fi

if [ ! -f "$BENCH_KEYS/private.pem" ] || [ ! -f "$BENCH_KEYS/public.pem" ]; then
  log "generating an RSA key pair in $BENCH_KEYS"
  mkdir -p "$BENCH_KEYS"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$BENCH_KEYS/private.pem" 2>/dev/null
  openssl rsa -in "$BENCH_KEYS/private.pem" -pubout -out "$BENCH_KEYS/public.pem" 2>/dev/null
fi

if [ "$BENCH_MIGRATE_ONLY" = 1 ]; then
  LAST_BUSY=$(cpu_busy)
else
  wait_quiet 1
fi
START_LOAD=$(load1)
START_BUSY=$LAST_BUSY
log "load $START_LOAD, CPU $START_BUSY %: starting the app on port $BENCH_PORT"

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
QUARKUS_HTTP_HOST=127.0.0.1 \
QUARKUS_HTTP_PORT="$BENCH_PORT" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$BENCH_DB_HOST:$BENCH_DB_PORT/$BENCH_DB" \
QUARKUS_DATASOURCE_USERNAME="$BENCH_DB_USER" \
QUARKUS_DATASOURCE_PASSWORD="$BENCH_DB_PASSWORD" \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="$BENCH_KEYS/public.pem" \
SMALLRYE_JWT_SIGN_KEY_LOCATION="$BENCH_KEYS/private.pem" \
MILIE_BOOTSTRAP_ADMIN_EMAIL="$BENCH_ADMIN_EMAIL" \
MILIE_BOOTSTRAP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
MILIE_OUTBOX_INTERVAL=off \
  java $BENCH_JAVA_OPTS -jar "$JAR" >"$BENCH_OUT/app.log" 2>&1 &
APP_PID=$!
echo "$APP_PID" >"$BENCH_OUT/app.pid"

for i in $(seq 120); do
  kill -0 "$APP_PID" 2>/dev/null || die "the app stopped; see $BENCH_OUT/app.log"
  curl -sf -o /dev/null "$BASE/q/health/ready" && break
  [ "$i" = 120 ] && die "the app is not ready after 120 s; see $BENCH_OUT/app.log"
  sleep 1
done
log "app ready: $(grep -o 'started in [0-9.]*s' "$BENCH_OUT/app.log" || true)"
if [ "$BENCH_MIGRATE_ONLY" = 1 ]; then
  log "schema of $BENCH_DB migrated: $("${PSQL[@]}" -c 'select max(version) from flyway_schema_history')"
  exit 0
fi

# --- Seed through the API -------------------------------------------------------------------------
TOKEN=$(curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
  -d "$(jq -n --arg e "$BENCH_ADMIN_EMAIL" --arg p "$BENCH_ADMIN_PASSWORD" '{email: $e, password: $p}')" |
  jq -r .accessToken) || die "cannot sign in as $BENCH_ADMIN_EMAIL (another sysadmin already on this database?)"
AUTH=(-H "Authorization: Bearer $TOKEN")

if curl -sf "$API/categories?limit=500" | jq -e '.items[] | select(.code == "BENCH-HTTP")' >/dev/null; then
  log "category BENCH-HTTP already there"
else
  ADMIN_ID=$(curl -sf "$API/administrations?limit=500" | jq -r '.items[] | select(.code == "BENCH-HTTP") | .id')
  if [ -z "$ADMIN_ID" ]; then
    ADMIN_ID=$(curl -sf -X POST "$API/administrations" "${AUTH[@]}" -H 'Content-Type: application/json' -d '{
      "code": "BENCH-HTTP", "name": "Administration du banc d'\''essai", "acronym": "BENCH", "kind": "AGENCY",
      "parentId": null, "contactEmail": "bench@example.ci", "answerReviewRequired": true}' | jq -r .id)
  fi
  curl -sf -o /dev/null -X POST "$API/categories" "${AUTH[@]}" -H 'Content-Type: application/json' -d "{
    \"code\": \"BENCH-HTTP\", \"labelFr\": \"Banc d'essai\", \"labelEn\": \"Benchmark\",
    \"descriptionFr\": null, \"descriptionEn\": null, \"parentCode\": null,
    \"applicableTypes\": [\"COMPLAINT\", \"SUGGESTION\", \"OBSERVATION\"], \"defaultAdministrationId\": \"$ADMIN_ID\"}" ||
    die "cannot create the category BENCH-HTTP"
  log "created administration and category BENCH-HTTP"
fi

# --- Tracking codes -------------------------------------------------------------------------------
REQUESTS=$("${PSQL[@]}" -c 'select count(*) from citizen_request')
if ((REQUESTS < 100)); then
  log "only $REQUESTS requests in the database: submitting 200 through the API"
  for i in $(seq 200); do
    curl -sf -o /dev/null -X POST "$API/requests" -H 'Content-Type: application/json' -d "{
      \"type\": \"SUGGESTION\", \"categoryCode\": \"BENCH-HTTP\", \"channel\": \"WEB\",
      \"subject\": \"Suggestion n°$i\", \"description\": \"Ouvrir le guichet le samedi matin.\",
      \"contact\": {\"email\": \"seed$i@example.ci\"}}"
  done
  REQUESTS=$("${PSQL[@]}" -c 'select count(*) from citizen_request')
fi
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

measure ceiling 'GET /api/v1/requests/track/NOT-A-CODE (404, no SQL)' "$API/requests/track/NOT-A-CODE"
measure health 'GET /q/health/live (reference)' "$BASE/q/health/live"
measure submit 'POST /api/v1/requests' -s bench/lua/submit.lua "$BASE" -- BENCH-HTTP
measure track 'GET /api/v1/requests/track/{code}' -s bench/lua/track.lua "$BASE" -- "$BENCH_OUT/codes.txt"
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
