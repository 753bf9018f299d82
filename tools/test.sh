#!/usr/bin/env bash
# The whole test suite: lint, types, unit and integration tests (real
# PostgreSQL and Redis), HTTP end-to-end tests and the browser journeys.
# Ends with one line: "Total: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/install.sh

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's Chromium for the browser tests..."
    (apt-get install -y -qq chromium >/dev/null 2>&1) || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
  else
    echo "kotizo: the browser tests need Chromium at /usr/bin/chromium (sudo apt-get install chromium)." >&2
    exit 1
  fi
fi

rm -rf tmp/test-results
npx nx run-many -t build --output-style=static
# One line, not a stack trace, when PostgreSQL or Redis is missing.
DATABASE_URL="${TEST_DATABASE_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
  REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}" node apps/api/dist/cli/main.js check

status=0
npx prettier --check . || status=1
npx nx run-many -t lint,typecheck,test --parallel=2 --output-style=stream || status=1
# Browser journeys and HTTP scenarios each start their own stack: one at a time.
npx nx run-many -t e2e --parallel=1 --output-style=stream || status=1

node tools/test-summary.mjs || status=1
exit $status
