-- wrk script: after the run, one parseable line with the latency percentiles in milliseconds
-- (wrk --latency prints 50/75/90/99 but not the 95th the statistics targets are set on).
-- Usage: wrk ... -s bench/lua/percentiles.lua -H 'Authorization: Bearer …' URL
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("PERCENTILES p50=%.1f p95=%.1f p99=%.1f max=%.1f requests=%d non2xx=%d socket_errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
