#!/usr/bin/env bash
# A complaint's life, end to end, against a running Miliê API with the dev seed:
#   ./mvnw quarkus:dev            (in another terminal)
#   bash docs/walkthrough.sh      (API=http://host:port/api/v1 to aim elsewhere)
# Needs bash, curl (7.76 or later), grep and sed; nothing else. It stops at the first call that
# fails, printing the problem the API answered. The staff accounts and their dev-only passwords
# come from the dev seed (README, "Dev accounts").
set -euo pipefail

API="${API:-http://localhost:8080/api/v1}"
OSEP_EMAIL="${OSEP_EMAIL:-osep@milie.local}"
OSEP_PASSWORD="${OSEP_PASSWORD:-Dev-Osep-2026!}"
AGENT_EMAIL="${AGENT_EMAIL:-agent.oneci@milie.local}"
AGENT_PASSWORD="${AGENT_PASSWORD:-Dev-Agent-2026!}"

# The value of the first "name":"…" string property in a compact JSON document (the API's
# answers are compact); enough for ids and codes without a JSON tool.
field() {
  sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -n 1
}

# curl that fails on a 4xx/5xx and shows the problem+json it got.
call() {
  curl -sS --fail-with-body -H 'Accept-Language: fr' "$@"
}

json() {
  call -H 'Content-Type: application/json' "$@"
}

expect() { # expect <what> <pattern> <text>
  if ! grep -q -- "$2" <<<"$3"; then
    echo "FAILED: $1 (expected $2)" >&2
    echo "$3" >&2
    exit 1
  fi
}

step() { printf '\n== %s\n' "$*"; }

step "1. A citizen submits a complaint without an account (retry-safe with an Idempotency-Key)"
IDEMPOTENCY_KEY="walkthrough-$(date +%s)-$RANDOM$RANDOM"
RECEIPT=$(json -X POST "$API/requests" -H "Idempotency-Key: $IDEMPOTENCY_KEY" -d '{
  "type": "COMPLAINT", "categoryCode": "ETAT-CIVIL", "channel": "WEB",
  "subject": "Extrait de naissance introuvable",
  "description": "Demandé il y a 3 mois à la mairie de Yopougon, toujours rien.",
  "location": {"region": "ABIDJAN", "locality": "Yopougon"},
  "contact": {"fullName": "Awa Traoré", "email": "awa@example.ci", "preferredLanguage": "fr"}}')
ID=$(field id <<<"$RECEIPT")
CODE=$(field trackingCode <<<"$RECEIPT")
KEY=$(field accessKey <<<"$RECEIPT")
echo "request $ID, tracking code $CODE (the access key stays with the citizen)"
expect "a receipt with an access key" '"accessKey":"' "$RECEIPT"

step "2. Anyone with the code follows it; with the key, also the thread and the answers"
expect "public tracking" "\"trackingCode\":\"$CODE\"" "$(call "$API/tracking/$CODE")"
expect "keyed tracking shows the request id" "\"id\":\"$ID\"" "$(call "$API/tracking/$CODE" -H "X-Access-Key: $KEY")"

step "3. OSEP signs in, accepts the request and routes it to the category's administration"
OSEP=$(json -X POST "$API/auth/login" -d "{\"email\": \"$OSEP_EMAIL\", \"password\": \"$OSEP_PASSWORD\"}" | field accessToken)
json -X POST "$API/requests/$ID/qualification" -H "Authorization: Bearer $OSEP" -d '{"decision": "ACCEPT"}' >/dev/null
REQUEST=$(call "$API/requests/$ID" -H "Authorization: Bearer $OSEP")
ADMIN=$(sed -n 's/.*"defaultAdministration":{[^}]*"id":"\([^"]*\)".*/\1/p' <<<"$REQUEST")
ROUTED=$(json -X POST "$API/requests/$ID/routing" -H "Authorization: Bearer $OSEP" -d "{\"administrationId\": \"$ADMIN\"}")
expect "routed" '"status":"ROUTED"' "$ROUTED"

step "4. The administration's agent acknowledges and answers"
AGENT=$(json -X POST "$API/auth/login" -d "{\"email\": \"$AGENT_EMAIL\", \"password\": \"$AGENT_PASSWORD\"}" | field accessToken)
expect "in progress" '"status":"IN_PROGRESS"' \
  "$(call -X POST "$API/requests/$ID/acknowledgement" -H "Authorization: Bearer $AGENT")"
ANSWER=$(json -X POST "$API/requests/$ID/answers" -H "Authorization: Bearer $AGENT" \
  -d '{"text": "Votre extrait est prêt au guichet 3 de la mairie de Yopougon."}' | field id)

step "5. OSEP approves the answer; the citizen reads it with the key"
json -X POST "$API/requests/$ID/answers/$ANSWER/review" -H "Authorization: Bearer $OSEP" -d '{"decision": "APPROVE"}' >/dev/null
TRACKED=$(call "$API/tracking/$CODE" -H "X-Access-Key: $KEY")
expect "answered" '"status":"ANSWERED"' "$TRACKED"
expect "the answer's text" 'guichet 3' "$TRACKED"

step "6. The citizen rates the answer; a satisfied rating closes the request"
json -X POST "$API/requests/$ID/feedback" -H "X-Access-Key: $KEY" -d '{"rating": 5, "satisfied": true}' >/dev/null
expect "closed" '"status":"CLOSED"' "$(call "$API/tracking/$CODE")"

printf '\nWalkthrough complete: %s went from submission to closure.\n' "$CODE"
