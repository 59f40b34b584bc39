-- wrk script: POST /api/v1/requests with a valid complaint, each with its own Idempotency-Key
-- (the mobile app sends one with every submission, so the benchmark takes that path too). Each comes
-- from its own client address (X-Forwarded-For; bench/run.sh trusts 127.0.0.1 as a proxy) and
-- contact, as submissions from many citizens do: the abuse limits count each, and refuse none.
-- Usage: wrk ... -s bench/lua/submit.lua http://127.0.0.1:18080 -- CATEGORY-CODE
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  category = args[1] or "BENCH-HTTP"
  counter = 0
  -- unique across threads (tid) and across runs (time, random): a key reused with another body is a 422
  math.randomseed(os.time() * 1000 + tid)
  prefix = string.format("bench-%d-%d-%d", os.time(), tid, math.random(1, 1000000000))
  net = math.random(0, 255)
end

function request()
  counter = counter + 1
  local key = prefix .. "-" .. counter
  local address = string.format("10.%d.%d.%d", net, math.floor(counter / 250) % 256, counter % 250 + 1)
  local body = string.format(
    '{"type":"COMPLAINT","categoryCode":"%s","channel":"MOBILE",' ..
    '"subject":"Coupure d\'électricité à Yopougon n°%d",' ..
    '"description":"Depuis trois jours le quartier est sans courant et personne ne répond au numéro d\'urgence (%s).",' ..
    '"location":{"region":"Abidjan","locality":"Yopougon","latitude":5.336,"longitude":-4.087},' ..
    '"contact":{"fullName":"Awa Traoré","email":"awa.%s@example.ci","preferredLanguage":"fr"},' ..
    '"anonymous":false}',
    category, counter, key, key)
  return wrk.format("POST", "/api/v1/requests",
    { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key, ["X-Forwarded-For"] = address }, body)
end
