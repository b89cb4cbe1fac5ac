#!/usr/bin/env bash
# kubekey's main job, shown end to end on this machine: a local OIDC provider, a local HTTPS API
# server that trusts it, the installed kubekey as kubectl's credential plugin, and a real browser
# login. With a display it opens your browser (log in with any name; the password is ignored);
# without one, headless Chromium logs in as "alice" by itself. Then kubectl runs again and the
# cached token answers without a browser. Nothing outside a temporary folder is touched, and the
# servers stop when the demo ends.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }
fail() { echo "demo: error: $*" >&2; exit 1; }

kubectl=/usr/lib/google-cloud-sdk/bin/kubectl.1.33
[ -x "$kubectl" ] || kubectl=$(command -v kubectl) || fail "kubectl is not installed; install it and run make demo again"

headless=1
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname -s)" = Darwin ]; then
  headless=0
fi

say "Installing what the demo needs (skipped when present) and building kubekey"
bash scripts/install-test-deps.sh
make --no-print-directory stage >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/kubekey-demo.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a server whose first stdout line is a JSON object, and waits up to 30 s for that line.
start_server() {
  local name=$1; shift
  "$@" --ignore-stdin --max-seconds 900 >"$work/$name.json" 2>"$work/$name.log" &
  pids+=($!)
  for _ in $(seq 300); do
    [ -s "$work/$name.json" ] && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/$name.log" >&2
  fail "the $name did not start within 30 s"
}
json() { node -e 'const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(o[process.argv[2]])' "$@"; }

say "Starting a local OIDC provider (node oidc-provider) on 127.0.0.1"
start_server provider node tests/e2e/provider.mjs
issuer=$(json "$work/provider.json" issuer)
client_id=$(json "$work/provider.json" public_client_id)
echo "issuer $issuer, public client $client_id" >&2

say "Starting a local HTTPS API server that trusts that issuer"
start_server apiserver node tests/e2e/apiserver.mjs --issuer "$issuer" --client-id "$client_id"
server=$(json "$work/apiserver.json" server)
echo "API server $server" >&2

cat >"$work/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: demo
  cluster:
    server: $server
    certificate-authority: $(json "$work/apiserver.json" ca_file)
users:
- name: demo
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: $repo/artifacts/stage/bin/kubekey
      args:
      - get-token
      - --oidc-issuer-url=$issuer
      - --oidc-client-id=$client_id
      - --oidc-extra-scope=offline_access
      - --oidc-auth-request-extra-params=prompt=consent
      interactiveMode: IfAvailable
contexts:
- name: demo
  context: {cluster: demo, user: demo}
current-context: demo
EOF

# kubekey gets a home of its own: its cache and config land in the temporary folder.
export HOME="$work/home" XDG_CACHE_HOME="$work/home/.cache" XDG_CONFIG_HOME="$work/home/.config"
export XDG_DATA_HOME="$work/home/.local/share" KUBECACHEDIR="$work/home/.kube/cache"
export KUBEKEY_CACHE=file
if [ "$headless" = 1 ]; then
  export BROWSER="$repo/tests/e2e/browser.mjs" KUBEKEY_TEST_BROWSER_STDERR="$work/browser.log"
  say "No display here: headless Chromium will log in as alice by itself"
else
  say "Your browser will open at the provider's login page: type any name, any password"
fi

say "kubectl auth whoami  (no token yet: kubekey logs in)"
"$kubectl" --kubeconfig "$work/kubeconfig" auth whoami

say "kubectl auth whoami  (again: the cached token answers, no browser)"
"$kubectl" --kubeconfig "$work/kubeconfig" auth whoami

say "What kubekey itself answers kubectl (the token shortened)"
KUBERNETES_EXEC_INFO='{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false}}' \
  "$repo/artifacts/stage/bin/kubekey" get-token --oidc-issuer-url="$issuer" --oidc-client-id="$client_id" \
  --oidc-extra-scope=offline_access --oidc-auth-request-extra-params=prompt=consent \
  | node -e 'const c = JSON.parse(require("fs").readFileSync(0, "utf8")); c.status.token = c.status.token.slice(0, 16) + "…"; console.log(JSON.stringify(c, null, 2))'

say "Done: kubectl got its token from kubekey, first by a browser login, then from the cache"
