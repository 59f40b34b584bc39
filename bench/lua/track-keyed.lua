-- wrk script: GET /api/v1/tracking/{code} with X-Access-Key, the pair drawn at random from a file of
-- "CODE KEY" lines: what the mobile app calls to show a request with its thread and answers.
-- Usage: wrk ... -s bench/lua/track-keyed.lua http://127.0.0.1:18080 -- pairs.txt
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  pairs_ = {}
  for line in io.lines(args[1]) do
    local code, key = line:match("^(%S+)%s+(%S+)$")
    if code then
      pairs_[#pairs_ + 1] = { code, key }
    end
  end
  if #pairs_ == 0 then
    error("no code and key in " .. args[1])
  end
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  local pair = pairs_[math.random(#pairs_)]
  return wrk.format("GET", "/api/v1/tracking/" .. pair[1], { ["X-Access-Key"] = pair[2] })
end
