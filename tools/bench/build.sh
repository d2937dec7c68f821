#!/usr/bin/env bash
# Rebuilds the wbx benchmark programs and their manifest.
#
#   tools/bench/build.sh
#
# For each benchmark: compiles NAME.c with clang for eBPF, refuses anything but a
# self-contained .text section (no relocations, no data sections, entry at offset 0),
# writes bin/NAME.bin, then builds the same C natively with gcc and runs it on the
# input to derive the expected r0. Writes benchmarks.json from those results.
# Needs: clang, llvm-objcopy, llvm-readelf (apt-get install clang llvm), gcc.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# name | input file | instruction budget | taken-branch budget
benchmarks=(
  "fletcher32|inputs/fletcher32.txt|100000|10000"
  "bubblesort|inputs/bubblesort.bin|200000|50000"
  "crc32|inputs/crc32.bin|500000|50000"
  "arith|inputs/arith.bin|500000|50000"
)
# Published Fletcher-32 of the RIOT/Femto-Containers test string.
fletcher32_published=0x5bac8c3d

fail() { echo "build.sh: error: $*" >&2; exit 1; }

for tool in clang llvm-objcopy llvm-readelf gcc; do
  command -v "$tool" >/dev/null || fail "$tool not found (apt-get install -y clang llvm gcc)"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p bin inputs

gcc -O2 -Wall -Wextra -Werror -o "$work/gen_inputs" native/gen_inputs.c
"$work/gen_inputs" inputs

# Fails unless OBJ holds nothing but a .text section whose start is bench().
check_object() {
  local name="$1" obj="$2"
  if llvm-readelf -r "$obj" | grep -q 'Relocation section'; then
    llvm-readelf -r "$obj" >&2
    fail "$name: has relocations (globals, string constants or external calls?)"
  fi
  # Allocated sections other than .text (data, rodata, bss) with a non-zero size.
  local extra
  extra="$(llvm-readelf -S --wide "$obj" | awk '
    /^ *\[ *[0-9]+\]/ {
      sub(/^ *\[ *[0-9]+\] */, "");
      name = $1; size = $5; flags = $7;
      if (name != ".text" && flags ~ /A/ && size !~ /^0+$/) print name;
    }')"
  [[ -z "$extra" ]] || fail "$name: has data sections: $extra (no globals, tables or string constants allowed)"
  local entry
  entry="$(llvm-readelf -s "$obj" | awk '$8 == "bench" && $4 == "FUNC" { print $2 }')"
  [[ "$entry" =~ ^0+$ ]] || fail "$name: bench() is not at offset 0 of .text (got '${entry:-missing}'); define it first"
}

manifest="$work/benchmarks.json"
{
  echo "{"
  echo "  \"generatedBy\": \"tools/bench/build.sh\","
  echo "  \"clang\": \"$(clang --version | head -n 1)\","
  echo "  \"benchmarks\": ["
} > "$manifest"

count=${#benchmarks[@]}
for i in "${!benchmarks[@]}"; do
  IFS='|' read -r name input budget branches <<< "${benchmarks[$i]}"
  [[ -f "$input" ]] || fail "$name: input $input missing"

  clang -target bpf -O2 -ffreestanding -Wall -Wextra -Werror -c "$name.c" -o "$work/$name.o"
  check_object "$name" "$work/$name.o"
  llvm-objcopy -O binary --only-section=.text "$work/$name.o" "bin/$name.bin"

  gcc -O2 -Wall -Wextra -Werror -o "$work/$name" native/harness.c "$name.c"
  expected="$("$work/$name" "$input")"
  size=$(wc -c < "bin/$name.bin")
  printf '%-11s %5d bytes (%3d slots)  input %-22s native r0 = %s\n' \
    "$name" "$size" $((size / 8)) "$input" "$expected"

  sep=","; [[ $i -eq $((count - 1)) ]] && sep=""
  cat >> "$manifest" <<JSON
    { "name": "$name", "bin": "bin/$name.bin", "input": "$input", "expected": "$expected", "instructionBudget": $budget, "branchBudget": $branches }$sep
JSON
done
printf '  ]\n}\n' >> "$manifest"

# Cross-checks against independent references.
f32="$(awk -F'"' '/"fletcher32"/ { for (i = 1; i < NF; i++) if ($i == "expected") print $(i + 2) }' "$manifest")"
[[ $((f32)) -eq $((fletcher32_published)) ]] || fail "fletcher32: native $f32, published $fletcher32_published"
echo "fletcher32 matches the published value $fletcher32_published"
if command -v python3 >/dev/null; then
  python3 - "$manifest" <<'PY'
import json, struct, sys, zlib
expected = {b["name"]: int(b["expected"], 16) for b in json.load(open(sys.argv[1]))["benchmarks"]}
crc = zlib.crc32(open("inputs/crc32.bin", "rb").read())
assert crc == expected["crc32"], f"crc32: zlib says {crc:#x}"
data = open("inputs/bubblesort.bin", "rb").read()
values = sorted(struct.unpack(f"<{len(data) // 4}I", data)[:64])
weighted = sum((i + 1) * v for i, v in enumerate(values)) % 2**64
assert weighted == expected["bubblesort"], f"bubblesort: python says {weighted:#x}"
print("crc32 matches zlib; bubblesort matches a python sort")
PY
fi

mv "$manifest" benchmarks.json
echo "wrote $(ls bin/*.bin | tr '\n' ' ')and benchmarks.json"
