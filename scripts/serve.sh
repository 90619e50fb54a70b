#!/usr/bin/env bash
# Installs what is missing, builds the playground and serves it on 127.0.0.1.
#   scripts/serve.sh [port]      (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-web.sh
exec node scripts/static-server.mjs dist "${1:-8080}"
