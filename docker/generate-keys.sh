#!/usr/bin/env bash
# RSA keys that sign and verify access tokens (docker/keys/, never committed).
#   docker/generate-keys.sh               private.pem and public.pem
#   docker/generate-keys.sh KID           private-KID.pem, public-KID.pem and jwk-KID.json (the public
#                                         key as a JWK named KID), for a key rotation (docs/OPERATIONS.md)
#   docker/generate-keys.sh --jwk PEM KID prints an existing public key (PEM) as a JWK named KID
# A verification key set from JWKs: jq -s '{keys: .}' jwk-NEW.json jwk-OLD.json > jwks.json
set -euo pipefail

# The modulus, big-endian without leading zeros, in base64url; the exponent OpenSSL uses is 65537 (AQAB).
jwk_of() {
  local exponent n
  exponent=$(openssl rsa -pubin -in "$1" -noout -text | sed -n 's/^Exponent: \([0-9]*\).*/\1/p')
  if [ "$exponent" != "65537" ]; then
    echo "$1: public exponent $exponent, only 65537 is supported here" >&2
    exit 1
  fi
  n=$(openssl rsa -pubin -in "$1" -noout -modulus | cut -d= -f2 | xxd -r -p | basenc --base64url -w0 | tr -d '=')
  printf '{"kty":"RSA","kid":"%s","use":"sig","alg":"RS256","e":"AQAB","n":"%s"}\n' "$2" "$n"
}

if [ "${1:-}" = "--jwk" ]; then
  jwk_of "$2" "$3"
  exit 0
fi

dir="$(dirname "$0")/keys"
mkdir -p "$dir"
kid="${1:-}"
suffix="${kid:+-$kid}"
private="$dir/private$suffix.pem"
public="$dir/public$suffix.pem"
if [ -n "$kid" ] && [ -e "$private" ]; then
  echo "$private exists: choose another key id" >&2
  exit 1
fi
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$private" 2>/dev/null
openssl rsa -in "$private" -pubout -out "$public" 2>/dev/null
chmod 644 "$private" "$public"
if [ -n "$kid" ]; then
  jwk_of "$public" "$kid" >"$dir/jwk-$kid.json"
  chmod 644 "$dir/jwk-$kid.json"
fi
echo "keys written to $dir"
