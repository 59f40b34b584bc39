# bench/lib.sh — what the benchmarks share: settings, a quiet machine, the packaged app started
# against a local PostgreSQL database, and sign-in. Sourced by bench/run.sh and bench/stats.sh from
# the repository root; every BENCH_* setting can be overridden from the environment.
# shellcheck shell=bash

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
BENCH_READY_TIMEOUT=${BENCH_READY_TIMEOUT:-900}
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

# start_app [ENV=VALUE...]: builds if asked, checks the database and the port, makes the keys, waits
# for a quiet machine (unless BENCH_MIGRATE_ONLY=1), starts the app with the extra environment given
# and waits until it is ready. Sets START_LOAD and START_BUSY.
start_app() {
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

  # The keys that encrypt stored idempotent responses and webhook secrets: production refuses to
  # start without them.
  [ -f "$BENCH_KEYS/idempotency.key" ] || openssl rand -base64 32 >"$BENCH_KEYS/idempotency.key"
  [ -f "$BENCH_KEYS/webhook.key" ] || openssl rand -base64 32 >"$BENCH_KEYS/webhook.key"

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
  MILIE_IDEMPOTENCY_KEY="$(cat "$BENCH_KEYS/idempotency.key")" \
  MILIE_INTEGRATIONS_WEBHOOK_KEY="$(cat "$BENCH_KEYS/webhook.key")" \
  MILIE_BOOTSTRAP_ADMIN_EMAIL="$BENCH_ADMIN_EMAIL" \
  MILIE_BOOTSTRAP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
  MILIE_OUTBOX_INTERVAL=off \
    env "$@" java $BENCH_JAVA_OPTS -jar "$JAR" >"$BENCH_OUT/app.log" 2>&1 &
  APP_PID=$!
  echo "$APP_PID" >"$BENCH_OUT/app.pid"

  # Flyway may have indexes to build on a large archive first
  for i in $(seq "$BENCH_READY_TIMEOUT"); do
    kill -0 "$APP_PID" 2>/dev/null || die "the app stopped; see $BENCH_OUT/app.log"
    curl -sf -o /dev/null "$BASE/q/health/ready" && break
    [ "$i" = "$BENCH_READY_TIMEOUT" ] && die "the app is not ready after $BENCH_READY_TIMEOUT s; see $BENCH_OUT/app.log"
    sleep 1
  done
  log "app ready: $(grep -o 'started in [0-9.]*s' "$BENCH_OUT/app.log" || true)"
}

# sign_in EMAIL PASSWORD: prints an access token.
sign_in() {
  curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg e "$1" --arg p "$2" '{email: $e, password: $p}')" | jq -r .accessToken
}

# seed_category TOKEN: the administration and the category BENCH-HTTP, through the API as the
# sysadmin whose token is given, unless they exist.
seed_category() {
  local auth=(-H "Authorization: Bearer $1") admin_id
  if curl -sf "$API/categories?limit=500" | jq -e '.items[] | select(.code == "BENCH-HTTP")' >/dev/null; then
    log "category BENCH-HTTP already there"
    return
  fi
  admin_id=$(curl -sf "$API/administrations?limit=500" | jq -r '.items[] | select(.code == "BENCH-HTTP") | .id')
  if [ -z "$admin_id" ]; then
    admin_id=$(curl -sf -X POST "$API/administrations" "${auth[@]}" -H 'Content-Type: application/json' -d '{
      "code": "BENCH-HTTP", "name": "Administration du banc d'\''essai", "acronym": "BENCH", "kind": "AGENCY",
      "parentId": null, "contactEmail": "bench@example.ci", "answerReviewRequired": true}' | jq -r .id)
  fi
  curl -sf -o /dev/null -X POST "$API/categories" "${auth[@]}" -H 'Content-Type: application/json' -d "{
    \"code\": \"BENCH-HTTP\", \"labelFr\": \"Banc d'essai\", \"labelEn\": \"Benchmark\",
    \"descriptionFr\": null, \"descriptionEn\": null, \"parentCode\": null,
    \"applicableTypes\": [\"COMPLAINT\", \"SUGGESTION\", \"OBSERVATION\"], \"defaultAdministrationId\": \"$admin_id\"}" ||
    die "cannot create the category BENCH-HTTP"
  log "created administration and category BENCH-HTTP"
}

# seed_requests MIN COUNT: when the database holds fewer than MIN requests, submits COUNT suggestions
# in the category BENCH-HTTP through the API. Prints how many requests the database then holds.
seed_requests() {
  local requests
  requests=$("${PSQL[@]}" -c 'select count(*) from citizen_request')
  if ((requests < $1)); then
    log "only $requests requests in the database: submitting $2 through the API"
    for i in $(seq "$2"); do
      curl -sf -o /dev/null -X POST "$API/requests" -H 'Content-Type: application/json' -d "{
        \"type\": \"SUGGESTION\", \"categoryCode\": \"BENCH-HTTP\", \"channel\": \"WEB\",
        \"subject\": \"Suggestion n°$i\", \"description\": \"Ouvrir le guichet le samedi matin.\",
        \"contact\": {\"email\": \"seed$i@example.ci\"}}"
    done
    requests=$("${PSQL[@]}" -c 'select count(*) from citizen_request')
  fi
  echo "$requests"
}
