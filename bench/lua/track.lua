-- wrk script: GET /api/v1/tracking/{code}, the code drawn at random from a file of existing
-- tracking codes (one per line), without access key: the public view (status and public timeline).
-- Usage: wrk ... -s bench/lua/track.lua http://127.0.0.1:18080 -- codes.txt
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  codes = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      codes[#codes + 1] = line
    end
  end
  if #codes == 0 then
    error("no tracking code in " .. args[1])
  end
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  return wrk.format("GET", "/api/v1/tracking/" .. codes[math.random(#codes)])
end
