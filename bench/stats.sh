#!/usr/bin/env bash
# bench/stats.sh — latency of the statistics, the open data and the work queues on a large archive.
#
# What it does, in order:
#   1. starts the packaged app against BENCH_DB (settings and quiet-machine rules of bench/lib.sh),
#      with the statistics roll-up running every minute (MILIE_STATS_ROLLUP_INTERVAL=1m);
#   2. waits until the roll-up has folded every past day in (its first run builds it from the whole
#      archive: stats_rollup_state.rolled_until reaches today) and reports how long that took;
#   3. signs in as the bootstrap sysadmin and creates, unless they exist, a supervisor, an OSEP agent
#      and an agent of the administration with the most requests (BENCH_STAFF_PASSWORD);
#   4. for each endpoint below: checks it answers 200, then runs wrk BENCH_WARMUP (discarded) and
#      BENCH_DURATION at BENCH_CONNECTIONS connections (default 1: one staff member waiting for their
#      dashboard; 2 or more shows how the 2 cores share out) on 1 thread, and reads p50/p95/p99 from
#      bench/lua/percentiles.lua; periods are the last 30 days (the default), the last whole
#      quarter, the last 365 days and the last calendar year;
#   5. restarts the app without its open-data cache and measures the open data computed afresh;
#   6. prints a Markdown table with the targets (statistics p95 < 300 ms, open data < 100 ms,
#      work queues < 100 ms) and writes it, every wrk output and the app log to BENCH_OUT.
# Duration: about 20 endpoints × (warm-up + run), plus the first roll-up build and quiet waits.
#
# Needs what bench/run.sh needs, on a database filled by bench/sql/generate-requests.sql.
# Usage: BENCH_DB=milie_5m bench/stats.sh
#        BENCH_DB=milie_1m BENCH_ONLY='^public' bench/stats.sh      (the open data only)
set -euo pipefail

cd "$(dirname "$0")/.."

BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-1}
BENCH_WARMUP=${BENCH_WARMUP:-5s}
BENCH_DURATION=${BENCH_DURATION:-20s}
BENCH_STAFF_PASSWORD=${BENCH_STAFF_PASSWORD:-Bench-Staff-2026!}
BENCH_ROLLUP_TIMEOUT=${BENCH_ROLLUP_TIMEOUT:-3600}
BENCH_ONLY=${BENCH_ONLY:-} # a regular expression: measure only the endpoints whose name matches

# shellcheck source=bench/lib.sh
source bench/lib.sh

# The abuse limits off: one client calling the open data for 25 s is over its per-address limit (429),
# and latency, not the limits, is measured here.
start_app MILIE_LIMITS_ENABLED=false MILIE_STATS_ROLLUP_INTERVAL=1m MILIE_STATS_ROLLUP_DELAY=1s

# --- The roll-up ------------------------------------------------------------------------------------
REQUESTS=$("${PSQL[@]}" -c 'select count(*) from citizen_request')
log "$REQUESTS requests in $BENCH_DB; waiting for the statistics roll-up to reach today"
ROLLUP_START=$(date +%s)
while [ "$("${PSQL[@]}" -c "select coalesce(rolled_until >= (now() at time zone 'UTC')::date, false) from stats_rollup_state")" != t ]; do
  (($(date +%s) - ROLLUP_START < BENCH_ROLLUP_TIMEOUT)) || die "the roll-up is not built after $BENCH_ROLLUP_TIMEOUT s"
  kill -0 "$APP_PID" 2>/dev/null || die "the app stopped; see $BENCH_OUT/app.log"
  sleep 2
done
ROLLUP_SECONDS=$(($(date +%s) - ROLLUP_START))
ROLLUP_ROWS=$("${PSQL[@]}" -c 'select count(*) from stats_daily')
log "roll-up ready after ${ROLLUP_SECONDS}s: $ROLLUP_ROWS rows in stats_daily; $(grep -o 'statistics roll-up: .*' "$BENCH_OUT/app.log" | head -1)"

# --- Staff ------------------------------------------------------------------------------------------
ADMIN_TOKEN=$(sign_in "$BENCH_ADMIN_EMAIL" "$BENCH_ADMIN_PASSWORD") || die "cannot sign in as $BENCH_ADMIN_EMAIL"
BUSIEST=$("${PSQL[@]}" -c "select administration_id from citizen_request where administration_id is not null
  group by 1 order by count(*) desc limit 1")
staff_token() { # staff_token ROLE [ADMINISTRATION_ID]: creates the account once, prints a token
  local email="bench-$1@milie.local" admin=${2:-}
  curl -s -o /dev/null -X POST "$API/staff" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg e "$email" --arg r "$1" --arg a "$admin" --arg p "$BENCH_STAFF_PASSWORD" \
      '{email: $e, fullName: ("Bench " + $r), role: $r, administrationId: (if $a == "" then null else $a end), password: $p}')"
  sign_in "$email" "$BENCH_STAFF_PASSWORD" || die "cannot sign in as $email"
}
SUPERVISOR=$(staff_token supervisor)
OSEP=$(staff_token osep)
AGENT=$(staff_token agent "$BUSIEST")

# --- Periods ----------------------------------------------------------------------------------------
TODAY=$(date -u +%F)
YEAR_AGO=$(date -u -d "$TODAY - 365 days" +%F)
MONTH=$(date -u +%-m)
QUARTER_START=$(date -u -d "$(date -u +%Y)-$(printf %02d $((3 * ((MONTH - 1) / 3) + 1)))-01" +%F)
LAST_QUARTER_START=$(date -u -d "$QUARTER_START - 3 months" +%F)
LAST_QUARTER_END=$(date -u -d "$QUARTER_START - 1 day" +%F)
LAST_QUARTER="$(date -u -d "$LAST_QUARTER_START" +%Y)-Q$(((10#$(date -u -d "$LAST_QUARTER_START" +%m) - 1) / 3 + 1))"
LAST_YEAR=$(($(date -u +%Y) - 1))
Q="from=$LAST_QUARTER_START&to=$LAST_QUARTER_END"
Y="from=$YEAR_AGO&to=$TODAY"
CY="from=$LAST_YEAR-01-01&to=$LAST_YEAR-12-31"
log "periods: default (last 30 days), quarter $LAST_QUARTER ($Q), rolling year ($Y), calendar year $LAST_YEAR ($CY)"

# --- Measurements -----------------------------------------------------------------------------------
ROWS=()
measure() { # measure NAME TARGET_MS TOKEN PATH [SCRIPT ARG]: SCRIPT replaces percentiles.lua
  local name=$1 target=$2 token=$3 path=$4 script=${5:-bench/lua/percentiles.lua} status
  if [ -n "$BENCH_ONLY" ] && ! [[ $name =~ $BENCH_ONLY ]]; then
    return 0
  fi
  local script_args=()
  [ -n "${6:-}" ] && script_args=(-- "$6")
  local auth=()
  [ -n "$token" ] && auth=(-H "Authorization: Bearer $token")
  status=$(curl -s -o "$BENCH_OUT/$name.body" -w '%{http_code}' "${auth[@]}" "$API$path")
  [ "$status" = 200 ] || die "$name: GET $path answered $status: $(head -c 300 "$BENCH_OUT/$name.body")"
  wait_quiet 0
  wrk -t1 -c"$BENCH_CONNECTIONS" -d"$BENCH_WARMUP" --timeout 30s -s "$script" "${auth[@]}" "$API$path" \
    "${script_args[@]}" >/dev/null
  wrk -t1 -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --timeout 30s -s "$script" "${auth[@]}" "$API$path" \
    "${script_args[@]}" >"$BENCH_OUT/$name.txt"
  local line rps p50 p95 p99 non2xx verdict
  line=$(grep '^PERCENTILES' "$BENCH_OUT/$name.txt")
  rps=$(awk '$1 == "Requests/sec:" { print $2 }' "$BENCH_OUT/$name.txt")
  p50=$(sed -E 's/.*p50=([0-9.]+).*/\1/' <<<"$line")
  p95=$(sed -E 's/.*p95=([0-9.]+).*/\1/' <<<"$line")
  p99=$(sed -E 's/.*p99=([0-9.]+).*/\1/' <<<"$line")
  non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
  verdict=$(awk -v p="$p95" -v t="$target" 'BEGIN { print (p < t ? "yes" : "NO") }')
  ROWS+=("| $name | \`GET $path\` | $rps | $p50 | $p95 | $p99 | < $target | $verdict | $non2xx |")
  log "$name: p50 $p50 ms, p95 $p95 ms, p99 $p99 ms ($rps req/s, non-2xx $non2xx)"
}

ADMIN_PATH="/stats/administrations/$BUSIEST/quarterly?quarter=$LAST_QUARTER"
# Every statistics endpoint over the four periods: the last 30 days, a calendar quarter, a calendar
# year and a rolling year
measure overview-30d 300 "$SUPERVISOR" "/stats/overview"
measure overview-quarter 300 "$SUPERVISOR" "/stats/overview?$Q"
measure overview-calendar-year 300 "$SUPERVISOR" "/stats/overview?$CY"
measure overview-year 300 "$SUPERVISOR" "/stats/overview?$Y"
measure administrations-30d 300 "$SUPERVISOR" "/stats/administrations"
measure administrations-quarter 300 "$SUPERVISOR" "/stats/administrations?$Q"
measure administrations-calendar-year 300 "$SUPERVISOR" "/stats/administrations?$CY"
measure administrations-year 300 "$SUPERVISOR" "/stats/administrations?$Y"
measure categories-30d 300 "$SUPERVISOR" "/stats/categories"
measure categories-quarter 300 "$SUPERVISOR" "/stats/categories?$Q"
measure categories-calendar-year 300 "$SUPERVISOR" "/stats/categories?$CY"
measure categories-year 300 "$SUPERVISOR" "/stats/categories?$Y"
measure timeseries-30d-day 300 "$SUPERVISOR" "/stats/timeseries?interval=day"
measure timeseries-quarter-day 300 "$SUPERVISOR" "/stats/timeseries?interval=day&$Q"
measure timeseries-calendar-year-week 300 "$SUPERVISOR" "/stats/timeseries?interval=week&$CY"
measure timeseries-year-week 300 "$SUPERVISOR" "/stats/timeseries?interval=week&$Y"
measure quarterly-report 300 "$SUPERVISOR" "$ADMIN_PATH"
# An agent's own figures, and filters that read the full roll-up rows or the region tables
measure agent-administrations-quarter 300 "$AGENT" "/stats/administrations?$Q"
measure overview-quarter-complaints-mobile 300 "$SUPERVISOR" "/stats/overview?$Q&type=COMPLAINT&channel=MOBILE"
measure overview-quarter-region 300 "$SUPERVISOR" "/stats/overview?$Q&region=Abidjan"
measure administrations-quarter-region 300 "$SUPERVISOR" "/stats/administrations?$Q&region=Abidjan"
measure administrations-year-region 300 "$SUPERVISOR" "/stats/administrations?$Y&region=Abidjan"
measure public-30d 100 "" "/public/stats"
measure public-quarter 100 "" "/public/stats?$Q"
measure public-calendar-year 100 "" "/public/stats?$CY"
measure public-year 100 "" "/public/stats?$Y"
measure queue-osep 100 "$OSEP" "/requests"
measure queue-osep-triage 100 "$OSEP" "/requests?status=RECEIVED&sort=dueAt"
measure queue-osep-overdue 100 "$OSEP" "/requests?overdue=true"
measure queue-agent 100 "$AGENT" "/requests?status=ROUTED&status=IN_PROGRESS&sort=dueAt"
stop_app

# The open data computed afresh on every request, the app restarted without its cache: what the first
# reader of a period pays once per 5 minutes.
start_app QUARKUS_CACHE_ENABLED=false MILIE_LIMITS_ENABLED=false MILIE_STATS_ROLLUP_INTERVAL=1m MILIE_STATS_ROLLUP_DELAY=1s
measure public-30d-uncached 100 "" "/public/stats"
measure public-quarter-uncached 100 "" "/public/stats?$Q"
measure public-calendar-year-uncached 100 "" "/public/stats?$CY"
measure public-year-uncached 100 "" "/public/stats?$Y"
stop_app

# --- Report -----------------------------------------------------------------------------------------
{
  echo "Miliê API, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; $REQUESTS requests in $BENCH_DB;" \
    "wrk -t1 -c$BENCH_CONNECTIONS, $BENCH_WARMUP warm-up + $BENCH_DURATION each; load before start $START_LOAD" \
    "(CPU $START_BUSY %)$QUIET_NOTE; roll-up built by the app in ${ROLLUP_SECONDS}s ($ROLLUP_ROWS rows);" \
    "quarter $LAST_QUARTER, rolling year $YEAR_AGO..$TODAY, calendar year $LAST_YEAR"
  echo
  echo "| name | endpoint | req/s | p50 ms | p95 ms | p99 ms | target p95 ms | met | non-2xx |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Raw wrk outputs, response bodies and the app log: $BENCH_OUT/"
} | tee "$BENCH_OUT/summary.md"
