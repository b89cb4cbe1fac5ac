#!/usr/bin/env bash
# Measures what every kubectl command pays for kubekey: a cache hit of the installed kubekey
# (Release build), against kubectl's own start-up and an empty process measured in the same run,
# so the ratios hold on a noisy shared machine where absolute times do not. The token in the
# cache comes from a real login against the local provider, as in make demo.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs=${BENCH_RUNS:-40}

fail() { echo "bench: error: $*" >&2; exit 1; }

bash scripts/install-test-deps.sh
if ! command -v hyperfine >/dev/null; then
  echo "bench: installing hyperfine" >&2
  [ "$(id -u)" -eq 0 ] || fail "root is needed to install hyperfine; run 'sudo apt-get install hyperfine'"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >&2
fi
kubectl=/usr/lib/google-cloud-sdk/bin/kubectl.1.33
[ -x "$kubectl" ] || kubectl=$(command -v kubectl) || fail "kubectl is not installed"

work=$(mktemp -d "${TMPDIR:-/tmp}/kubekey-bench.XXXXXX")
provider_pid=
cleanup() {
  [ -n "$provider_pid" ] && kill "$provider_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "bench: installing a Release build into $work/prefix" >&2
make --no-print-directory install PREFIX="$work/prefix" CONFIGURATION=Release >/dev/null
kubekey="$work/prefix/bin/kubekey"

(cd tests/e2e && exec node provider.mjs --ignore-stdin --max-seconds 900 >"$work/provider.json" 2>"$work/provider.log") &
provider_pid=$!
for _ in $(seq 300); do [ -s "$work/provider.json" ] && break; sleep 0.1; done
[ -s "$work/provider.json" ] || fail "the provider did not start: $(cat "$work/provider.log")"
issuer=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).issuer)' "$work/provider.json")

export HOME="$work/home" XDG_CACHE_HOME="$work/home/.cache" XDG_CONFIG_HOME="$work/home/.config"
export XDG_DATA_HOME="$work/home/.local/share" KUBEKEY_CACHE=file
export BROWSER="$repo/tests/e2e/browser.mjs" KUBEKEY_TEST_BROWSER_STDERR="$work/browser.log"
export KUBERNETES_EXEC_INFO='{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false}}'
get_token="$kubekey get-token --oidc-issuer-url=$issuer --oidc-client-id=kubekey-public"

echo "bench: logging in once (headless Chromium) to fill the cache" >&2
login_start=$(date +%s%N)
$get_token >/dev/null
login_ms=$(( ($(date +%s%N) - login_start) / 1000000 ))

echo "bench: $runs runs each" >&2
hyperfine --style basic --shell=none --warmup 3 --runs "$runs" --export-json "$work/bench.json" \
  -n 'empty process (true)' 'true' \
  -n 'kubectl version --client' "$kubectl version --client" \
  -n 'kubekey get-token, cache hit' "$get_token" >&2

node - "$work/bench.json" "$login_ms" <<'JS'
const [file, loginMs] = process.argv.slice(2);
const { results } = JSON.parse(require('fs').readFileSync(file, 'utf8'));
const ms = (s) => (s * 1000).toFixed(1);
const byName = Object.fromEntries(results.map((r) => [r.command, r.median]));
const kubectl = byName['kubectl version --client'];
console.log('| what | median | vs kubectl |');
console.log('|---|---|---|');
for (const r of results) {
  console.log(`| ${r.command} | ${ms(r.median)} ms | ${(r.median / kubectl).toFixed(2)}× |`);
}
console.log(`| first login (provider + headless Chromium), once | ${loginMs} ms | |`);
JS
