#!/usr/bin/env bash
# Rebuilds the sample tenant functions and their signed demo bundles.
#
#   tools/samples/build.sh            images (out/NAME.wbi) and bundles (out/NAME.wbx)
#   tools/samples/build.sh --keygen   first replaces the DEMO tenant keys in keys/ (every
#                                     bundle's signature changes; commit keys and out/ together)
#
# Each sample: `wbx build` (clang -target bpf -O2 -mcpu=v3 -ffreestanding, linked and verified) into a .wbi,
# then `wbx pack` with its tenant's demo key and its manifest: the hooks it wants, the pins
# and sensors it needs and its budgets. The helper list is derived from the code by wbx.
# The tests (tools/WasmBox.Nano.Samples.Tests) check that out/ is exactly what this produces
# and that each manifest matches what they run; change both together.
# Needs: dotnet, clang.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

dotnet build "$repo/tools/WasmBox.Nano.Cli" -nologo -v quiet >/dev/null
wbx() { dotnet "$repo/artifacts/bin/WasmBox.Nano.Cli/debug/wbx.dll" "$@"; }

cd "$here"
mkdir -p out keys

if [[ "${1:-}" == "--keygen" ]]; then
  for tenant in acme globex initech mallory; do
    wbx keygen --tenant "$tenant" --out keys --force
  done
fi

# build NAME SOURCE ENTRY
build() {
  wbx build "$2" --entry "$3" -I include -I femto -o "out/$1.wbi"
}

# pack NAME TENANT SLOT [wbx pack manifest options...]
pack() {
  local name="$1" tenant="$2" slot="$3"
  shift 3
  wbx pack "out/$name.wbi" --key "keys/$tenant.key.pem" --tenant "$tenant" --slot "$slot" --sequence 1 \
    --name "$name" -o "out/$name.wbx" "$@"
}

# ---- acme: checksums and a blinker ----------------------------------------------------------
build fletcher32 fletcher32.c fletcher32_main
pack  fletcher32 acme 0 --hook 'mqtt:acme/data/#' \
      --instructions 20000 --branches 2000 --ram 1024 --stack-frames 1

build blinker blinker.c blinker
pack  blinker acme 1 --hook timer:500 --pin 2:output \
      --instructions 1000 --branches 100 --ram 1024 --stack-frames 1

# ---- globex: a button counter and two Femto-Containers sources ------------------------------
build button_counter button_counter.c button_counter
pack  button_counter globex 0 --hook gpio:0:both --pin 0:input-pullup \
      --instructions 1000 --branches 100 --ram 1024 --stack-frames 1

build event_counter femto/event_counter.c event_counter
pack  event_counter globex 1 --hook timer:1000 --hook gpio:0:both --pin 0:input-pullup \
      --instructions 1000 --branches 100 --ram 1024 --stack-frames 1

build sensor_reader femto/sensor_reader.c sensor_reader
pack  sensor_reader globex 2 --hook timer:1000 --sensor hum0 \
      --instructions 2000 --branches 200 --ram 1024 --stack-frames 1

# ---- initech: a temperature alarm and a CoAP temperature resource ---------------------------
build threshold_alarm threshold_alarm.c threshold_alarm
pack  threshold_alarm initech 0 --hook timer:1000 --pin 4:output --sensor temp0 \
      --instructions 2000 --branches 200 --ram 1024 --stack-frames 1

build coap_temp coap_temp.c coap_temp
pack  coap_temp initech 1 --hook coap:/initech/temp --sensor temp0 \
      --instructions 2000 --branches 200 --ram 1024 --stack-frames 1

# ---- mallory: hostile functions that install and then misbehave -----------------------------
build spin hostile/spin.c spin
pack  spin mallory 0 --hook timer:1000 \
      --instructions 5000 --branches 500 --ram 1024 --stack-frames 1

build oob_read hostile/oob_read.c oob_read
pack  oob_read mallory 1 --hook mqtt:mallory/in \
      --instructions 5000 --branches 500 --ram 1024 --stack-frames 1

build pin_probe hostile/pin_probe.c pin_probe
pack  pin_probe mallory 2 --hook timer:1000 --pin 5:output \
      --instructions 5000 --branches 500 --ram 1024 --stack-frames 1

build flood hostile/flood.c flood
pack  flood mallory 3 --hook timer:1000 \
      --instructions 5000 --branches 500 --ram 1024 --stack-frames 1

echo "rebuilt $(ls out/*.wbx | wc -l) bundles in $here/out"
