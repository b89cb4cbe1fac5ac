#!/usr/bin/env bash
# Publishes the keyring cache plugins of the operating systems that cannot run here (macOS,
# Windows) for their runtimes, so a change that breaks them fails on Linux too. Builds into a
# temporary artifacts folder, leaving the work tree's bin/ and obj/ alone. Prints one line per
# runtime; on a failure, the build output, and exits non-zero.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/kubekey-cross-publish.XXXXXX")"
trap 'rm -rf "$work"' EXIT

targets=(
  "plugins/Cache.MacKeychain osx-arm64"
  "plugins/Cache.MacKeychain osx-x64"
  "plugins/Cache.WindowsCredMan win-x64"
)

failed=0
for target in "${targets[@]}"; do
  read -r project rid <<<"$target"
  name="$(basename "$project")"
  log="$work/$name-$rid.log"
  if timeout 600 dotnet publish "$root/$project" -r "$rid" -c Release --nologo -v quiet \
      --artifacts-path "$work/artifacts" -o "$work/out/$name-$rid" >"$log" 2>&1; then
    echo "cross-publish: ok     $name $rid"
  else
    echo "cross-publish: FAILED $name $rid"
    cat "$log" >&2
    failed=1
  fi
done

exit "$failed"
