-- wrk script: every request asks for the same period ending at another millisecond, so that none is
-- served from the open data's cache (StatsService.publicStats): what computing it costs.
-- Usage: wrk ... -s bench/lua/uncached.lua 'URL?from=2026-07-01' -- 2026-09-30   (the last day)
dofile("bench/lua/percentiles.lua")

function init(args)
  last_day = args[1]
  counter = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", string.format("%s&to=%sT23:59:59.%03dZ", wrk.path, last_day, counter % 1000))
end
