# Sourced by start.sh and test.sh: Node 24 on PATH, dependencies installed
# (again only when the lockfile changed since the last install).
set -euo pipefail
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=tools/use-node.sh
. "$_root/tools/use-node.sh"
if [ ! -f "$_root/node_modules/.package-lock.json" ] || [ "$_root/package-lock.json" -nt "$_root/node_modules/.package-lock.json" ]; then
  echo "Installing dependencies (npm ci)..."
  (cd "$_root" && npm ci --no-audit --no-fund)
fi
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
