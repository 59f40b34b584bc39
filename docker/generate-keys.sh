#!/usr/bin/env bash
# Creates the RSA key pair that signs and verifies access tokens (docker/keys/, never committed).
set -euo pipefail
dir="$(dirname "$0")/keys"
mkdir -p "$dir"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem"
openssl rsa -in "$dir/private.pem" -pubout -out "$dir/public.pem"
chmod 644 "$dir/private.pem" "$dir/public.pem"
echo "keys written to $dir"
