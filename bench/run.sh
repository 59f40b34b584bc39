#!/usr/bin/env bash
# bench/run.sh — HTTP load benchmark of the Miliê API on this machine (localhost only), side by side
# with PostgreSQL's own floor for the same work (pgbench) and the JVM CPU each call costs.
#
# What it does, in order, and nothing else:
#   1. waits until the machine is quiet (1-minute load ≤ BENCH_MAX_LOAD and CPU busy ≤ BENCH_MAX_BUSY %
#      over 5 s), at most BENCH_QUIET_BUDGET seconds in total for the whole run;
#   2. starts the packaged app (BENCH_JAR, default target/quarkus-app/quarkus-run.jar; built only with BENCH_BUILD=1)
#      on 127.0.0.1:BENCH_PORT against the local PostgreSQL database BENCH_DB, with an RSA key pair
#      from BENCH_KEYS (generated there if missing), the OUTBOX RELAY OFF (MILIE_OUTBOX_INTERVAL=off:
#      submissions still write their receipt to the outbox in their transaction, but no relay delivers
#      them during the run, so the measure is the request path only, with no SMTP server to fail on)
#      and the other scheduled jobs off (roll-up, deadline watch, auto-close, purges, webhooks);
#      a pool of BENCH_DB_POOL_MAX connections (see below); 127.0.0.1 is a trusted proxy, so that each submission comes from its own client address
#      (X-Forwarded-For): the abuse limits stay on and count every submission, as in production,
#      without refusing the 31st of the run; Flyway migrates the schema at start; waits for
#      /q/health/ready;
#   3. seeds through the API what it needs, as the bootstrap sysadmin (BENCH_ADMIN_EMAIL/PASSWORD create
#      it when the staff table is empty): POST /auth/login, then the administration and the category
#      BENCH-HTTP (POST /administrations, POST /categories) unless they exist;
#   4. collects BENCH_CODES existing tracking codes (psql; submits 200 requests first if the database
#      has fewer than 100), and code+key pairs for keyed tracking: BENCH_PAIRS_API submissions through
#      the API (the access key is only on the receipt; these have no answer yet) and, when the
#      database was filled by bench/sql/generate-requests.sql (request g has the access key
#      'bench-key-<g>'), BENCH_PAIRS_ARCHIVE archive requests drawn at random, most with a delivered
#      answer; the same pairs go to the table bench_floor_pairs (i, tracking_code, request_id) for
#      pgbench, which drops it at the end;
#   5. for each endpoint: waits for a quiet machine, warms up (discarded) in rounds of wrk BENCH_WARMUP
#      until the JIT compiler threads took at most BENCH_JIT_SETTLED % (3) of the JVM's CPU in a round,
#      or BENCH_WARMUP_MAX seconds (300) passed (a submission's code paths need minutes at these rates
#      before C2 has compiled them: measured earlier, a third to half of its CPU was the compiler),
#      then runs wrk BENCH_DURATION with --latency, at BENCH_THREADS threads and BENCH_CONNECTIONS connections:
#        ceiling      GET  /api/v1/tracking/NOT-A-CODE  404 problem+json from the same JAX-RS resource,
#                                                      security, filters and exception mapper, no SQL
#                                                      (a malformed code is refused before any query)
#        health       GET  /q/health/live               for reference: a Vert.x route outside the REST stack
#        submit       POST /api/v1/requests             bench/lua/submit.lua: a valid complaint, a distinct
#                                                      Idempotency-Key, client address and contact each
#        track        GET  /api/v1/tracking/{code}      bench/lua/track.lua: a random existing code, no key
#        track-keyed  GET  /api/v1/tracking/{code}      bench/lua/track-keyed.lua: a random pair, with
#                                                      X-Access-Key (what the mobile app calls)
#      and counts the database transactions committed meanwhile (pg_stat_database.xact_commit) and the
#      JVM's CPU time (/proc/<pid>/stat utime + stime, in clock ticks of getconf CLK_TCK) over the
#      measured run, divided by the calls: JVM CPU ms per call (with the JIT compilers' share of it);
#   6. with the app stopped (its pool would hold connections pgbench needs), the floors: for each pgbench script, waits for a quiet machine, runs pgbench
#      BENCH_WARMUP (discarded), then `pgbench -n -M prepared -c BENCH_CONNECTIONS -j BENCH_THREADS
#      -T BENCH_DURATION` against the same database, with per-transaction logs for p50 and p99:
#        floor-submit          bench/pgbench/submit.sql          the statements the app sends for one
#                                                                submission (captured, see below)
#        floor-submit-minimum  bench/pgbench/submit-minimum.sql  the durable minimum: request, event and
#                                                                outbox message inserted, commit
#        floor-track-keyed     bench/pgbench/track-keyed.sql     the statements of one keyed tracking read
#      (the scripts come from bench/capture-statements.sh, which reads them from PostgreSQL's statement
#      log; rerun it when the app's statements change). Their rows stay in the database like the
#      app's, with tracking codes MIL-U…;
#   7. prints a Markdown table (req/s, p50, p99, JVM CPU ms/call, ratio to the ceiling and to the
#      floors, non-2xx, load) and writes it with every wrk and pgbench output and the app's log to
#      BENCH_OUT; stops the app on exit, whatever happens (trap).
# Duration: ~10–25 min (5 app endpoints, each warmed up until the JIT settles, and 3 floors, each
# warm-up + run, plus start and seeding), plus
# quiet waits (BENCH_QUIET_BUDGET at most).
#
# Needs: java 17+, wrk, curl, jq, psql, pgbench (Debian: postgresql-client), openssl; a PostgreSQL on
# 127.0.0.1 where BENCH_DB exists and belongs to BENCH_DB_USER (e.g. `createdb -O milie milie_bench`,
# then bench/sql/generate-requests.sql for a realistic volume, see docs/PERFORMANCE.md).
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

BENCH_PAIRS_API=${BENCH_PAIRS_API:-200}
# Warm-up: rounds of BENCH_WARMUP until the JIT settles (see warm_up), at most BENCH_WARMUP_MAX s.
BENCH_JIT_SETTLED=${BENCH_JIT_SETTLED:-3}
BENCH_WARMUP_MAX=${BENCH_WARMUP_MAX:-300}
BENCH_PAIRS_ARCHIVE=${BENCH_PAIRS_ARCHIVE:-800}
# The app's connection pool (MILIE_DB_POOL_MAX; empty: the app's default, 30). A submission holds a
# connection and takes a second one for the abuse limits (their own transactions): with
# BENCH_CONNECTIONS submissions at once and a pool of fewer than twice as many, the pool can run dry
# and submissions wait for the acquisition timeout (503). Default: twice BENCH_CONNECTIONS; set it
# empty (BENCH_DB_POOL_MAX=) for the app's own default.
BENCH_DB_POOL_MAX=${BENCH_DB_POOL_MAX-$((2 * BENCH_CONNECTIONS))}
command -v pgbench >/dev/null || die "pgbench is needed (Debian: apt-get install postgresql-client)"

APP_ENV=()
[ -n "$BENCH_DB_POOL_MAX" ] && APP_ENV+=("MILIE_DB_POOL_MAX=$BENCH_DB_POOL_MAX")
start_app "${APP_ENV[@]}" MILIE_LIMITS_TRUSTED_PROXIES=127.0.0.1 MILIE_STATS_ROLLUP_INTERVAL=off MILIE_DEADLINE_WATCH_INTERVAL=off \
  MILIE_AUTO_CLOSE_INTERVAL=off MILIE_PURGE_INTERVAL=off MILIE_WEBHOOKS_INTERVAL=off
if [ "$BENCH_MIGRATE_ONLY" = 1 ]; then
  log "schema of $BENCH_DB migrated: $("${PSQL[@]}" -c 'select version from flyway_schema_history where version is not null order by installed_rank desc limit 1')"
  exit 0
fi

# --- Seed through the API -------------------------------------------------------------------------
TOKEN=$(sign_in "$BENCH_ADMIN_EMAIL" "$BENCH_ADMIN_PASSWORD") || die "cannot sign in as $BENCH_ADMIN_EMAIL (another sysadmin already on this database?)"
seed_category "$TOKEN"

# --- Tracking codes -------------------------------------------------------------------------------
REQUESTS=$(seed_requests 100 200)
"${PSQL[@]}" -c "select tracking_code from citizen_request where tracking_code not like 'MIL-U%' order by random() limit $BENCH_CODES" >"$BENCH_OUT/codes.txt"
log "$REQUESTS requests in the database; $(wc -l <"$BENCH_OUT/codes.txt") tracking codes collected"

# --- Code and key pairs for keyed tracking --------------------------------------------------------
: >"$BENCH_OUT/pairs.txt"
log "submitting $BENCH_PAIRS_API requests through the API for their access keys"
for i in $(seq "$BENCH_PAIRS_API"); do
  curl -sf -X POST "$API/requests" -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.255.$((i / 250)).$((i % 250 + 1))" -d "{
    \"type\": \"COMPLAINT\", \"categoryCode\": \"BENCH-HTTP\", \"channel\": \"MOBILE\",
    \"subject\": \"Coupure d'eau n°$i\", \"description\": \"Plus d'eau au robinet depuis lundi.\",
    \"contact\": {\"email\": \"pair.$(date +%s).$i@example.ci\"}}" | jq -r '"\(.trackingCode) \(.accessKey)"' >>"$BENCH_OUT/pairs.txt" ||
    die "submission $i for a keyed pair refused"
done
# Archive requests of bench/sql/generate-requests.sql: request g has the code code(g) (the same
# bijection as there) and the key 'bench-key-<g>'; only pairs whose key hash matches are kept.
"${PSQL[@]}" -v k="$BENCH_PAIRS_ARCHIVE" -F ' ' >>"$BENCH_OUT/pairs.txt" <<'SQL'
with d as (select g, ((((g * 48271321) & 1099511627775) # (((g * 48271321) & 1099511627775) >> 17)) * 4194301
                      & 1099511627775) as x
           from (select distinct (1 + floor(random() * (select count(*) from citizen_request)))::int8 as g
                 from generate_series(1, 2 * :k)) s),
     c as (select g, 'MIL-' || string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((x >> b) & 31)::int4 + 1, 1)
                                           || case b when 20 then '-' else '' end, '' order by b desc) as code
           from d, unnest(array[35, 30, 25, 20, 15, 10, 5, 0]) b group by g)
select c.code, 'bench-key-' || c.g
from c join citizen_request r on r.tracking_code = c.code
where r.access_key_hash = encode(sha256(('bench-key-' || c.g)::bytea), 'hex')
limit :k
SQL
"${PSQL[@]}" -c 'drop table if exists bench_floor_pairs' \
  -c 'create table bench_floor_pairs (i int primary key, tracking_code varchar(13) not null, request_id uuid not null)'
awk '{ print NR "," $1 }' "$BENCH_OUT/pairs.txt" | "${PSQL[@]}" -c 'create temporary table p (i int, code text)' \
  -c '\copy p from pstdin with (format csv)' \
  -c 'insert into bench_floor_pairs select p.i, r.tracking_code, r.id from p join citizen_request r on r.tracking_code = p.code' \
  -c 'analyze bench_floor_pairs'
drop_pairs() { "${PSQL[@]}" -c 'drop table if exists bench_floor_pairs' || true; }
trap 'stop_app; drop_pairs' EXIT
PAIRS=$("${PSQL[@]}" -c 'select count(*) from bench_floor_pairs')
ANSWERED=$("${PSQL[@]}" -c "select count(*) from bench_floor_pairs p where exists (select 1 from answer a where a.request_id = p.request_id and a.status = 'DELIVERED')")
[ "$PAIRS" = "$(wc -l <"$BENCH_OUT/pairs.txt")" ] || die "$PAIRS pairs in bench_floor_pairs, $(wc -l <"$BENCH_OUT/pairs.txt") in pairs.txt"
log "$PAIRS code and key pairs ($((PAIRS - BENCH_PAIRS_API)) from the archive), $ANSWERED with a delivered answer"

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

CLK_TCK=$(getconf CLK_TCK)
jvm_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; } # utime + stime of the java process
# utime + stime of the JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre": the name has a
# space, so the fields are counted after the closing parenthesis)
jit_ticks() {
  local t sum=0 comm
  for t in /proc/"$APP_PID"/task/*; do
    comm=$(cat "$t/comm" 2>/dev/null) || continue
    case $comm in C1\ Compiler* | C2\ Compiler*)
      sum=$((sum + $(sed 's/^.*) //' "$t/stat" | awk '{ print $12 + $13 }'))) ;;
    esac
  done
  echo "$sum"
}
seconds() { case $1 in *m) echo $((${1%m} * 60)) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }

ROWS=()
measure() { # measure NAME DESCRIPTION WRK-ARGS...
  local name=$1 what=$2
  shift 2
  wait_quiet 0
  local load busy=$LAST_BUSY
  load=$(load1)
  warm_up "$name" "$@"
  local x0 x1 t0 t1 j0 j1
  x0=$(xacts)
  t0=$(jvm_ticks)
  j0=$(jit_ticks)
  log "$name: measuring $BENCH_DURATION"
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency "$@" >"$BENCH_OUT/$name.txt"
  j1=$(jit_ticks)
  t1=$(jvm_ticks)
  x1=$(xacts)
  local f="$BENCH_OUT/$name.txt" total
  total=$(field total "$f")
  local per cpu jit
  per=$(awk -v x=$((x1 - x0)) -v n="$total" 'BEGIN { printf "%.2f", (n > 0 ? x / n : 0) }')
  cpu=$(awk -v t=$((t1 - t0)) -v hz="$CLK_TCK" -v n="$total" 'BEGIN { printf "%.2f", (n > 0 ? 1000 * t / hz / n : 0) }')
  jit=$(awk -v j=$((j1 - j0)) -v t=$((t1 - t0)) 'BEGIN { printf "%.0f %%", (t > 0 ? 100 * j / t : 0) }')
  ROWS+=("$name|$what|$(field rps "$f")|$(field p50 "$f")|$(field p99 "$f")|$cpu ($jit JIT)|$(field non2xx "$f")|$(field errors "$f")|$per|$load|$busy")
  log "$name: $(field rps "$f") req/s, p50 $(field p50 "$f"), p99 $(field p99 "$f"), JVM CPU $cpu ms/call ($jit of it compiling), non-2xx $(field non2xx "$f"), $per DB transactions per request"
}

# warm_up NAME WRK-ARGS...: rounds of BENCH_WARMUP until the JIT compilers took at most
# BENCH_JIT_SETTLED % of the JVM's CPU in the last round (the code this endpoint runs is compiled:
# a production instance runs for days), at most BENCH_WARMUP_MAX seconds in all.
warm_up() {
  local name=$1 spent=0 round=0 share t0 t1 j0 j1
  shift
  while :; do
    round=$((round + 1))
    t0=$(jvm_ticks)
    j0=$(jit_ticks)
    wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_WARMUP" "$@" >"$BENCH_OUT/$name-warmup-$round.txt"
    j1=$(jit_ticks)
    t1=$(jvm_ticks)
    spent=$((spent + $(seconds "$BENCH_WARMUP")))
    share=$(awk -v j=$((j1 - j0)) -v t=$((t1 - t0)) 'BEGIN { printf "%.0f", (t > 0 ? 100 * j / t : 0) }')
    log "$name: warm-up round $round: $(field rps "$BENCH_OUT/$name-warmup-$round.txt") req/s, JIT $share % of the JVM's CPU"
    if ((share <= BENCH_JIT_SETTLED)); then
      break
    fi
    if ((spent >= BENCH_WARMUP_MAX)); then
      log "$name: the JIT has not settled after ${spent}s of warm-up: measuring anyway"
      break
    fi
  done
}

# floor NAME DESCRIPTION SCRIPT: pgbench, the app idle; tps, p50 and p99 from the per-transaction log
floor() {
  local name=$1 what=$2 script=$3
  wait_quiet 0
  local load busy=$LAST_BUSY
  load=$(load1)
  local vars=(-D txn=0 -D "category_id=$CATEGORY_ID" -D "pairs=$PAIRS")
  local pgb=(pgbench -n -M prepared -h "$BENCH_DB_HOST" -p "$BENCH_DB_PORT" -U "$BENCH_DB_USER" -c "$BENCH_CONNECTIONS" -j "$BENCH_THREADS" -f "$script")
  log "$name: warm-up $BENCH_WARMUP (load $load, CPU $busy % before)"
  "${pgb[@]}" -T "$(seconds "$BENCH_WARMUP")" "${vars[@]}" -D "run=$(date +%s%N)" -D "codebase=$(codebase)" "$BENCH_DB" >"$BENCH_OUT/$name-warmup.txt" 2>&1 ||
    die "$name: pgbench failed; see $BENCH_OUT/$name-warmup.txt"
  log "$name: measuring $BENCH_DURATION"
  mkdir -p "$BENCH_OUT/$name-log"
  "${pgb[@]}" -T "$(seconds "$BENCH_DURATION")" "${vars[@]}" -D "run=$(date +%s%N)" -D "codebase=$(codebase)" \
    -l --log-prefix="$BENCH_OUT/$name-log/tx" "$BENCH_DB" >"$BENCH_OUT/$name.txt" 2>&1 ||
    die "$name: pgbench failed; see $BENCH_OUT/$name.txt"
  local tps p50 p99 failed
  tps=$(awk '/^tps = / { printf "%.0f", $3 }' "$BENCH_OUT/$name.txt")
  failed=$(awk '/^number of failed transactions:/ { print $5 }' "$BENCH_OUT/$name.txt")
  read -r p50 p99 < <(cat "$BENCH_OUT/$name-log"/tx.* | awk '{ print $3 }' | sort -n |
    awk '{ v[NR] = $1 } END { a = int(NR * 0.50); b = int(NR * 0.99); if (a < 1) a = 1; if (b < 1) b = 1; printf "%.2fms %.2fms\n", v[a] / 1000, v[b] / 1000 }')
  rm -r "$BENCH_OUT/$name-log"
  ROWS+=("$name|$what|$tps|$p50|$p99|—|${failed:-0} failed|—|—|$load|$busy")
  log "$name: $tps tps, p50 $p50, p99 $p99, ${failed:-0} failed"
}
# The first tracking-code number of the next pgbench run: past every MIL-U… code already there.
codebase() {
  "${PSQL[@]}" -c "select coalesce(max(('x' || lpad(substr(tracking_code, 6), 16, '0'))::bit(64)::int8), 0) + 1
                   from citizen_request where tracking_code like 'MIL-U%'"
}
CATEGORY_ID=$("${PSQL[@]}" -c "select id from category where code = 'BENCH-HTTP'")

measure ceiling 'ceiling: GET /api/v1/tracking/NOT-A-CODE (404, no SQL)' "$API/tracking/NOT-A-CODE"
measure health 'reference: GET /q/health/live' "$BASE/q/health/live"
measure submit 'POST /api/v1/requests (Idempotency-Key)' -s bench/lua/submit.lua "$BASE" -- BENCH-HTTP
measure track 'GET /api/v1/tracking/{code} (no key)' -s bench/lua/track.lua "$BASE" -- "$BENCH_OUT/codes.txt"
measure track-keyed 'GET /api/v1/tracking/{code} with X-Access-Key' -s bench/lua/track-keyed.lua "$BASE" -- "$BENCH_OUT/pairs.txt"
# The floors with the app stopped: it would be idle, but its pool holds connections that pgbench's
# clients need (max_connections).
stop_app
floor floor-submit 'floor: pgbench submit.sql (the app'\''s statements)' bench/pgbench/submit.sql
floor floor-submit-minimum 'floor: pgbench submit-minimum.sql (3 inserts, commit)' bench/pgbench/submit-minimum.sql
floor floor-track-keyed 'floor: pgbench track-keyed.sql (the app'\''s statements)' bench/pgbench/track-keyed.sql

# --- Report ---------------------------------------------------------------------------------------
rate() { for row in "${ROWS[@]}"; do [ "${row%%|*}" = "$1" ] && { cut -d'|' -f3 <<<"$row"; return; }; done; }
cpu_of() { for row in "${ROWS[@]}"; do [ "${row%%|*}" = "$1" ] && { cut -d'|' -f6 <<<"$row"; return; }; done; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", (b > 0 ? 100 * a / b : 0) }'; }
CEILING=$(rate ceiling)
FLOORS=(
  "submit|$(pct "$(rate submit)" "$(rate floor-submit)") of submit.sql, $(pct "$(rate submit)" "$(rate floor-submit-minimum)") of the minimum"
  "track-keyed|$(pct "$(rate track-keyed)" "$(rate floor-track-keyed)") of track-keyed.sql"
)
floor_ratio() { for f in "${FLOORS[@]}"; do [ "${f%%|*}" = "$1" ] && { echo "${f#*|}"; return; }; done; echo "—"; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "<=" ? v <= t : v >= t); printf "%s", (ok ? "met" : "MISSED") }'; }
{
  echo "Miliê API, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS (warm-up in $BENCH_WARMUP rounds until the JIT takes ≤ $BENCH_JIT_SETTLED % of the JVM's CPU, ≤ ${BENCH_WARMUP_MAX}s) and pgbench -M prepared -c$BENCH_CONNECTIONS -j$BENCH_THREADS ($BENCH_WARMUP warm-up), $BENCH_DURATION each;" \
    "$REQUESTS requests in $BENCH_DB; $PAIRS keyed pairs ($ANSWERED with a delivered answer); outbox relay and scheduled jobs off;" \
    "load before start $START_LOAD (CPU $START_BUSY %)$QUIET_NOTE"
  echo
  echo "| endpoint | req/s | p50 | p99 | JVM CPU ms/call | ratio to ceiling | ratio to its floor(s) | non-2xx | socket errors | DB xacts/req | load1 (CPU %) before |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name what rps p50 p99 cpu non2xx errors per load busy <<<"$row"
    echo "| $what | $rps | $p50 | $p99 | $cpu | $(pct "$rps" "$CEILING") | $(floor_ratio "$name") | $non2xx | $errors | $per | $load ($busy %) |"
  done
  echo
  minimum=$(awk -v a="$(rate submit)" -v b="$(rate floor-submit-minimum)" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')
  keyed=$(awk -v a="$(rate track-keyed)" -v b="$(rate floor-track-keyed)" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')
  echo "Targets: submission ≤ 2.5 ms JVM CPU/call: $(cpu_of submit) ($(verdict "$(cpu_of submit)" 2.5 '<=')), ≥ 30 % of the durable minimum: $minimum % ($(verdict "$minimum" 30 '>='));" \
    "keyed tracking ≤ 0.5 ms JVM CPU/call: $(cpu_of track-keyed) ($(verdict "$(cpu_of track-keyed)" 0.5 '<=')), ≥ 20 % of its floor: $keyed % ($(verdict "$keyed" 20 '>='))."
  echo "Raw wrk and pgbench outputs and the app log: $BENCH_OUT/"
} | tee "$BENCH_OUT/summary.md"
