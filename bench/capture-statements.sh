#!/usr/bin/env bash
# bench/capture-statements.sh — captures, from PostgreSQL's statement log, exactly the statements the
# app sends for one submission and for one keyed tracking read, and turns them into the pgbench
# scripts bench/run.sh measures as the app's floors (bench/pgbench/submit.sql, track-keyed.sql).
#
# What it does, in order:
#   1. as the local superuser (su postgres -c psql: the capture NEEDS it, since only a superuser may
#      set log_statement), turns statement logging on for BENCH_DB only:
#        ALTER DATABASE … SET log_statement = 'all'; SET log_min_duration_statement = -1
#      (every statement once, with its parameters in a DETAIL line; no second "duration" copy).
#      Only new sessions take it, so it is set before the app starts;
#   2. starts the packaged app (bench/lib.sh start_app, outbox relay off) and seeds the category
#      BENCH-HTTP through the API as bench/run.sh does;
#   3. warms up: BENCH_CAPTURE_WARMUP submissions and keyed tracking reads (caches filled, JDBC
#      statements prepared server-side past pgjdbc's prepareThreshold), so what is captured is the
#      steady state, not a first call;
#   4. makes ONE submission (POST /api/v1/requests with an Idempotency-Key, the body of
#      bench/lua/submit.lua) and ONE keyed tracking read (GET /api/v1/tracking/{code} with
#      X-Access-Key) and notes where each starts and ends in the cluster's log;
#   5. stops the app and turns logging off again (ALTER DATABASE … RESET), whatever happens;
#   6. extracts the log lines of each call (those of user BENCH_DB_USER on BENCH_DB, by the prefix
#      log_line_prefix = '%m [%p] %q%u@%d ') into bench/pgbench/<call>.log.sql, raw, in order, BEGIN
#      and COMMIT included, and converts them (bench/pgbench/convert.py) into the pgbench scripts,
#      with the call's own values (ids, tracking code, idempotency key) replaced by pgbench
#      expressions and the references (category, administration, SLA policy) by variables that
#      bench/run.sh looks up in its own database.
#
# Needs: what bench/run.sh needs, python3, root (for su postgres), the cluster's log at BENCH_PG_LOG.
# The database: any migrated one; a small fresh one is enough and keeps the log short, e.g.
#   su postgres -c 'createdb -O milie milie_capture'
#   BENCH_DB=milie_capture BENCH_MIGRATE_ONLY=1 bench/run.sh
#   BENCH_DB=milie_capture bench/capture-statements.sh
# The data in the raw extracts is the bench's own fake data (no personal data).
set -euo pipefail

cd "$(dirname "$0")/.."

BENCH_DB=${BENCH_DB:-milie_capture}
BENCH_PG_LOG=${BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
BENCH_CAPTURE_WARMUP=${BENCH_CAPTURE_WARMUP:-20}
# shellcheck source=bench/lib.sh
source bench/lib.sh

[ "$(id -u)" = 0 ] || die "the capture sets log_statement, which needs the local superuser: run it as root (su postgres)"
[ -r "$BENCH_PG_LOG" ] || die "cannot read the cluster's log $BENCH_PG_LOG"
SUPER() { su postgres -c "psql -X -q -At -v ON_ERROR_STOP=1 -c \"$1\""; }
prefix=$(SUPER 'show log_line_prefix')
[ "$prefix" = '%m [%p] %q%u@%d ' ] || die "log_line_prefix is '$prefix'; this extraction reads '%m [%p] %q%u@%d '"

logging_off() {
  SUPER "alter database $BENCH_DB reset log_statement" >/dev/null || true
  SUPER "alter database $BENCH_DB reset log_min_duration_statement" >/dev/null || true
}
trap 'stop_app; logging_off' EXIT
SUPER "alter database $BENCH_DB set log_statement = 'all'"
SUPER "alter database $BENCH_DB set log_min_duration_statement = -1"
log "statement logging on for $BENCH_DB"

# The scheduled jobs off (they would write their own statements into the window); the abuse limits
# ON, as in production, each call from its own client address (X-Forwarded-For through a trusted
# proxy, as bench/run.sh does), so their counters are part of what is captured.
start_app MILIE_STATS_ROLLUP_INTERVAL=off MILIE_DEADLINE_WATCH_INTERVAL=off MILIE_AUTO_CLOSE_INTERVAL=off \
  MILIE_PURGE_INTERVAL=off MILIE_WEBHOOKS_INTERVAL=off MILIE_LIMITS_TRUSTED_PROXIES=127.0.0.1
TOKEN=$(sign_in "$BENCH_ADMIN_EMAIL" "$BENCH_ADMIN_PASSWORD") || die "cannot sign in as $BENCH_ADMIN_EMAIL"
seed_category "$TOKEN"

RUN=$(date +%s)
submit() { # submit N: the body of bench/lua/submit.lua; prints the receipt
  local key="capture-$RUN-$1"
  curl -sf -X POST "$API/requests" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
    -H "X-Forwarded-For: 10.$((RUN % 200)).$(($1 / 200)).$(($1 % 200 + 1))" -d "{
    \"type\":\"COMPLAINT\",\"categoryCode\":\"BENCH-HTTP\",\"channel\":\"MOBILE\",
    \"subject\":\"Coupure d'électricité à Yopougon n°$1\",
    \"description\":\"Depuis trois jours le quartier est sans courant et personne ne répond au numéro d'urgence ($key).\",
    \"location\":{\"region\":\"Abidjan\",\"locality\":\"Yopougon\",\"latitude\":5.336,\"longitude\":-4.087},
    \"contact\":{\"fullName\":\"Awa Traoré\",\"email\":\"awa.$RUN.$1@example.ci\",\"preferredLanguage\":\"fr\"},
    \"anonymous\":false}"
}
track() { # track CODE KEY
  curl -sf -o /dev/null -H "X-Access-Key: $2" -H "X-Forwarded-For: 10.$((RUN % 200)).250.1" "$API/tracking/$1"
}
log "warm-up: $BENCH_CAPTURE_WARMUP submissions and keyed tracking reads"
for i in $(seq "$BENCH_CAPTURE_WARMUP"); do
  receipt=$(submit "$i") || die "warm-up submission $i refused"
  track "$(jq -r .trackingCode <<<"$receipt")" "$(jq -r .accessKey <<<"$receipt")" || die "warm-up tracking $i refused"
done
sleep 1
mark() { stat -c %s "$BENCH_PG_LOG"; }
m0=$(mark)
receipt=$(submit 0) || die "the captured submission was refused"
sleep 1
m1=$(mark)
track "$(jq -r .trackingCode <<<"$receipt")" "$(jq -r .accessKey <<<"$receipt")" || die "the captured tracking read was refused"
sleep 1
m2=$(mark)
stop_app
logging_off
log "statement logging off for $BENCH_DB"

COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')
WHEN=$(date -u +%Y-%m-%dT%H:%MZ)
extract() { # extract FROM TO: the log lines of the app's sessions between two offsets
  tail -c +"$(($1 + 1))" "$BENCH_PG_LOG" | head -c "$(($2 - $1))" |
    awk -v who="$BENCH_DB_USER@$BENCH_DB" '
      /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9]/ { keep = ($5 == who) }
      keep'
}
OUT=bench/pgbench
extract "$m0" "$m1" >"$OUT/submit.log.sql"
extract "$m1" "$m2" >"$OUT/track-keyed.log.sql"
for f in submit track-keyed; do
  grep -q ' LOG:  ' "$OUT/$f.log.sql" || die "no statement of $f in the log between offsets $m0 and $m2"
done

ID=$(jq -r .id <<<"$receipt")
CODE=$(jq -r .trackingCode <<<"$receipt")
CATEGORY=$("${PSQL[@]}" -c "select id from category where code = 'BENCH-HTTP'")
HEADER=(--header "Captured by bench/capture-statements.sh on $WHEN from commit $COMMIT (database $BENCH_DB, after"
  --header "$BENCH_CAPTURE_WARMUP warm-up calls: the steady state, caches filled, statements prepared). Regenerate it by"
  --header "running the capture again; do not edit it by hand. Raw extract: bench/pgbench/FILE.log.sql."
  --header ""
  --header "The app's statements in their order, each parameter written as a literal in place of \$n, except"
  --header "the values below, replaced so that the script runs many times. Left out: the live feed's"
  --header "poll (feed_horizon()), which the app's own listener runs after the commit, once per batch of events,"
  --header "not on the request's path.")
# Fresh values per transaction: txn counts this client's transactions, seq is unique in the run,
# code numbers the tracking code (MIL-U…: 'U' is not in the app's Crockford alphabet, so these never
# meet the app's codes; codebase, from bench/run.sh, starts past the codes of earlier runs).
python3 "$OUT/convert.py" "$OUT/submit.log.sql" "${HEADER[@]/FILE/submit}" \
  --header "" \
  --header "POST /api/v1/requests with an Idempotency-Key (bench/lua/submit.lua's body). Variables (pgbench -D):" \
  --header "  run          unique per run (e.g. date +%s%N): in the idempotency key and the fresh ids" \
  --header "  txn=0        this client's transaction counter" \
  --header "  codebase     tracking codes MIL-U<8 hex> start past this number" \
  --header "  category_id  the id of the category BENCH-HTTP in the bench database" \
  --header "Fresh per transaction: the request, event and message ids (md5 of run and seq as a uuid), the" \
  --header "tracking code, the idempotency key and the rate-limit keys (each call a new client address and" \
  --header "contact, as in bench/lua/submit.lua). Kept as captured: timestamps, texts, hashes." \
  --prelude '\set txn :txn + 1' --prelude '\set seq :txn * 64 + :client_id' --prelude '\set code :codebase + :seq' \
  --fresh-uuids --fresh-limit-keys --drop 'feed_horizon\(\)' \
  --replace "$CATEGORY=:category_id" \
  --replace "$CODE=('MIL-U' || lpad(to_hex(:code::int8), 8, '0'))" \
  --replace "capture-$RUN-0=('floor-' || :run::text || '-' || :seq::text)" >"$OUT/submit.sql"
python3 "$OUT/convert.py" "$OUT/track-keyed.log.sql" "${HEADER[@]/FILE/track-keyed}" \
  --header "" \
  --header "GET /api/v1/tracking/{code} with X-Access-Key (the key is checked in the JVM: no statement)." \
  --header "Variables (pgbench -D): pairs = the rows of bench_floor_pairs (i, tracking_code, request_id)," \
  --header "made by bench/run.sh from the keyed pairs of bench/lua/track-keyed.lua: each transaction reads" \
  --header "the request of row i, drawn at random, through a subquery on that table's primary key (no extra" \
  --header "round trip)." \
  --prelude '\set i random(1, :pairs)' --drop 'feed_horizon\(\)' \
  --replace "$CODE=(select tracking_code from bench_floor_pairs where i = :i)" \
  --replace "$ID=(select request_id from bench_floor_pairs where i = :i)" >"$OUT/track-keyed.sql"
log "wrote $OUT/submit.sql ($(grep -c ';$' "$OUT/submit.sql") statements) and $OUT/track-keyed.sql ($(grep -c ';$' "$OUT/track-keyed.sql"))"
