#!/usr/bin/env bash
# Runs every test of WasmBox.Nano and ends with one line "N passed, N failed, N skipped".
#   - installs the Debian packages the tests use when they are missing (needs root or sudo);
#   - builds the host solution filter once;
#   - runs the nanoFramework compatibility gate (one check per .nfproj, plus the proof that it bites);
#   - runs every xunit project under tools/ and the nftests on the host runner;
#   - builds every device assembly nanoCLR can execute in Debug and Release and runs the nftests suites, the
#     bpf_conformance corpus and the Wycheproof vectors on the real nanoCLR (../shared/nanoclr; skipped, with
#     one line, when absent).
# Usage: bash tools/test.sh            (from anywhere; CI calls it through .ci/run)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/.test-out"
rm -rf "$OUT" && mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests need, as "command:package".
NEEDED="clang:clang llvm-objcopy:llvm gcc:gcc python3:python3 mosquitto:mosquitto openssl:openssl coap-client-notls:libcoap3-bin"

passed=0 failed=0 skipped=0
fail_step() { echo "FAILED: $1"; failed=$((failed + 1)); }

install_missing() {
  local missing="" pair
  for pair in $NEEDED; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
  done
  [ -z "$missing" ] && return 0
  echo "== installing:$missing"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq $missing >/dev/null \
    || echo "warning: could not install$missing; tests that need them will fail or skip"
}

install_missing

echo "== build"
if ! dotnet build WasmBox.Nano.Host.slnf -nologo -v q -clp:ErrorsOnly > "$OUT/build.log" 2>&1; then
  cat "$OUT/build.log"
  fail_step "build"
  echo "$passed passed, $failed failed, $skipped skipped"
  exit 1
fi

echo "== nanoFramework compatibility gate"
dotnet artifacts/bin/WasmBox.Nano.Gate/debug/WasmBox.Nano.Gate.dll --repo "$ROOT" > "$OUT/gate.log" 2>&1
gate_rc=$?
cat "$OUT/gate.log"
gate_ok=$(grep -c '^gate: .* ok' "$OUT/gate.log")
gate_bad=$(grep -c '^gate: .* FAILED' "$OUT/gate.log")
passed=$((passed + gate_ok)); failed=$((failed + gate_bad))
[ "$gate_rc" = 0 ] || [ "$gate_bad" -gt 0 ] || fail_step "gate exited $gate_rc"
# The gate must bite: a file using List<T> has to fail it.
if dotnet artifacts/bin/WasmBox.Nano.Gate/debug/WasmBox.Nano.Gate.dll --check-file tools/WasmBox.Nano.Gate/proof/UsesGenericList.cs > "$OUT/gate-proof.log" 2>&1; then
  fail_step "gate accepted tools/WasmBox.Nano.Gate/proof/UsesGenericList.cs (List<T>)"
else
  echo "gate: proof ok (List<T> is refused: $(grep -m1 -o 'error CS[0-9]*' "$OUT/gate-proof.log"))"
  passed=$((passed + 1))
fi

echo "== xunit"
for proj in $(find tools -name '*.Tests.csproj' | sort); do
  name=$(basename "$proj" .csproj)
  dotnet test "$proj" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$OUT" \
    > "$OUT/$name.log" 2>&1
  rc=$?
  trx="$OUT/$name.trx"
  if [ ! -f "$trx" ]; then
    cat "$OUT/$name.log"; fail_step "$name produced no results"; continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(( $(get failed) + $(get error) + $(get timeout) + $(get aborted) )); s=$(( $(get total) - $(get executed) ))
  echo "$name: $p passed, $f failed, $s skipped"
  [ "$f" -gt 0 ] && grep -E '^\s+Failed |Error Message|Assert' "$OUT/$name.log" | head -40
  [ "$rc" != 0 ] && [ "$f" = 0 ] && fail_step "$name exited $rc"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

echo "== nftests (host runner)"
for runner in $(find nftests -name '*.NfTestRunner.csproj' | sort); do
  name=$(basename "$runner" .csproj)
  dotnet "artifacts/bin/$name/debug/$name.dll" > "$OUT/$name.log" 2>&1
  grep -E '^(FAIL|SKIP)' "$OUT/$name.log" | head -40
  summary=$(grep -E '^nftests: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$OUT/$name.log" | tail -1)
  if [ -z "$summary" ]; then
    tail -20 "$OUT/$name.log"; fail_step "$name printed no summary"; continue
  fi
  echo "$summary"
  nums=($(echo "$summary" | grep -o '[0-9]\+'))
  passed=$((passed + nums[0])); failed=$((failed + nums[1])); skipped=$((skipped + nums[2]))
done

echo "== nanoCLR (device build, Debug and Release)"
dotnet artifacts/bin/WasmBox.Nano.NanoClr/debug/WasmBox.Nano.NanoClr.dll test > "$OUT/nanoclr.log" 2>&1
nanoclr_rc=$?
grep -E '^(FAIL|SKIP|FAILED|  )|^nanoclr ' "$OUT/nanoclr.log" | grep -v '^nanoclr: [0-9]' | head -80
summary=$(grep -E '^nanoclr: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$OUT/nanoclr.log" | tail -1)
if [ -z "$summary" ]; then
  tail -20 "$OUT/nanoclr.log"; fail_step "nanoCLR run printed no summary"
else
  grep -E '^nanoclr: skipped' "$OUT/nanoclr.log"
  echo "$summary"
  nums=($(echo "$summary" | grep -o '[0-9]\+'))
  passed=$((passed + nums[0])); failed=$((failed + nums[1])); skipped=$((skipped + nums[2]))
  [ "$nanoclr_rc" != 0 ] && [ "${nums[1]}" = 0 ] && fail_step "nanoCLR run exited $nanoclr_rc"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
