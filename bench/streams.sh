#!/usr/bin/env bash
# bench/streams.sh — live streams (SSE) on one instance of the Miliê API on this machine.
#
# What it does, in order:
#   1. raises the open-file limit (ulimit -n BENCH_NOFILE, default 65536, or the hard limit if lower) for the app and the load
#      generator: each stream is one socket on each side;
#   2. waits for a quiet machine and starts the packaged app as bench/run.sh does (bench/lib.sh:
#      local PostgreSQL database BENCH_DB, outbox relay off), with the scheduled jobs off and the stream limits raised to let
#      BENCH_STREAMS streams in (MILIE_STREAMS_MAX_PER_INSTANCE, MILIE_STREAMS_MAX_PER_CALLER);
#   3. signs in as the bootstrap sysadmin, creates the OSEP account bench-osep@milie.local unless it
#      exists, and signs in as it: OSEP's staff stream hears every request, so every move reaches
#      every stream (the worst case of fan-out);
#   4. picks BENCH_MOVES requests of the database at random (psql; on a database with fewer, submits
#      that many through the API first, in the category BENCH-HTTP as bench/run.sh does);
#   5. runs bench/sse/streams.mjs: opens BENCH_STREAMS streams on GET /api/v1/requests/stream (one
#      TCP connection each, 100 at a time), reads the app's memory per stream (RSS and heap used after
#      a GC, jcmd), its CPU with every stream open and idle for BENCH_IDLE seconds (heartbeats and
#      session checks), then makes internal notes (POST /requests/{id}/notes) in two phases and
#      times every delivery of every note to every stream: BENCH_PACED_MOVES notes at
#      BENCH_PACED_RATE per second (steady traffic), then BENCH_MOVES notes, BENCH_MOVE_CONCURRENCY
#      at a time (a burst, whose deliveries queue up);
#   6. prints the Markdown table and writes it, results.json and the app's log to BENCH_OUT; stops the
#      app on exit (trap). Exit status 1 when a delivery is missing or duplicated.
# Duration: about 3 min plus quiet waits.
#
# Needs what bench/run.sh needs, plus node 20 and jcmd (the JDK's).
# Usage: BENCH_DB=milie_1m bench/streams.sh      (from the repository root)
set -euo pipefail

cd "$(dirname "$0")/.."

BENCH_NOFILE=${BENCH_NOFILE:-65536}
BENCH_STREAMS=${BENCH_STREAMS:-2000}
BENCH_PACED_MOVES=${BENCH_PACED_MOVES:-100}
BENCH_PACED_RATE=${BENCH_PACED_RATE:-5}
BENCH_MOVES=${BENCH_MOVES:-200}
BENCH_MOVE_CONCURRENCY=${BENCH_MOVE_CONCURRENCY:-4}
BENCH_IDLE=${BENCH_IDLE:-60}
BENCH_OSEP_EMAIL=${BENCH_OSEP_EMAIL:-bench-osep@milie.local}
BENCH_OSEP_PASSWORD=${BENCH_OSEP_PASSWORD:-Bench-Osep-2026!}

# shellcheck source=bench/lib.sh
source bench/lib.sh
for tool in node jcmd; do
  command -v "$tool" >/dev/null || die "$tool is needed"
done

hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && ((hard < BENCH_NOFILE)); then
  BENCH_NOFILE=$hard # root in a container may not go above the hard limit it was given
fi
((BENCH_NOFILE >= BENCH_STREAMS + 1000)) || die "the open-file limit ($BENCH_NOFILE) is too low for $BENCH_STREAMS streams"
ulimit -n "$BENCH_NOFILE" || die "cannot raise the open-file limit to $BENCH_NOFILE"
log "open-file limit: $(ulimit -n)"

# The scheduled jobs are off, as the outbox relay is (lib.sh): the measure is the streams' path. (A
# roll-up still rebuilding the statistics of an archive would take a core meanwhile.) BENCH_JOBS=1
# keeps them on, with the roll-up starting 10 s after the app.
JOBS=(MILIE_STATS_ROLLUP_INTERVAL=off MILIE_DEADLINE_WATCH_INTERVAL=off MILIE_AUTO_CLOSE_INTERVAL=off
  MILIE_PURGE_INTERVAL=off MILIE_WEBHOOKS_INTERVAL=off)
[ "${BENCH_JOBS:-0}" = 1 ] && JOBS=(MILIE_STATS_ROLLUP_DELAY=10s)
start_app MILIE_STREAMS_MAX_PER_INSTANCE=$((BENCH_STREAMS + 100)) MILIE_STREAMS_MAX_PER_CALLER=$((BENCH_STREAMS + 100)) \
  "${JOBS[@]}"

ADMIN=$(sign_in "$BENCH_ADMIN_EMAIL" "$BENCH_ADMIN_PASSWORD") || die "cannot sign in as $BENCH_ADMIN_EMAIL"
if ! OSEP=$(sign_in "$BENCH_OSEP_EMAIL" "$BENCH_OSEP_PASSWORD"); then
  log "creating the OSEP account $BENCH_OSEP_EMAIL"
  curl -sf -X POST "$API/staff" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg e "$BENCH_OSEP_EMAIL" --arg p "$BENCH_OSEP_PASSWORD" \
      '{email: $e, fullName: "Banc d essai OSEP", role: "osep", password: $p}')" >/dev/null ||
    die "cannot create $BENCH_OSEP_EMAIL"
  OSEP=$(sign_in "$BENCH_OSEP_EMAIL" "$BENCH_OSEP_PASSWORD") || die "cannot sign in as $BENCH_OSEP_EMAIL"
fi

seed_category "$ADMIN"
seed_requests "$BENCH_MOVES" "$BENCH_MOVES" >/dev/null
"${PSQL[@]}" -c "select id from citizen_request tablesample system (1) limit $((BENCH_MOVES + BENCH_PACED_MOVES))" >"$BENCH_OUT/requests.txt"
if [ "$(wc -l <"$BENCH_OUT/requests.txt")" -lt "$((BENCH_MOVES + BENCH_PACED_MOVES))" ]; then # a small database: 1 % is too few
  "${PSQL[@]}" -c "select id from citizen_request order by random() limit $((BENCH_MOVES + BENCH_PACED_MOVES))" >"$BENCH_OUT/requests.txt"
fi

wait_quiet 0
log "CPU $LAST_BUSY %: $BENCH_STREAMS streams, then $BENCH_MOVES moves"
node bench/sse/streams.mjs --base "$BASE" --token "$OSEP" --pid "$APP_PID" --requests "$BENCH_OUT/requests.txt" \
  --streams "$BENCH_STREAMS" --paced-moves "$BENCH_PACED_MOVES" --paced-rate "$BENCH_PACED_RATE" --moves "$BENCH_MOVES" --concurrency "$BENCH_MOVE_CONCURRENCY" --idle "$BENCH_IDLE" \
  --out "$BENCH_OUT" | tee "$BENCH_OUT/streams.md"
status=${PIPESTATUS[0]}
{
  echo
  echo "BENCH_DB=$BENCH_DB, $(nproc) cores, app started at load $START_LOAD (CPU $START_BUSY %)$QUIET_NOTE;"
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
} | tee -a "$BENCH_OUT/streams.md"
log "results in $BENCH_OUT"
exit "$status"
