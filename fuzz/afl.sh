#!/usr/bin/env bash
# A long, coverage-guided campaign for one fuzz target under AFL++ (see fuzz/README.md).
#   fuzz/afl.sh <target> [minutes]      e.g. fuzz/afl.sh mqtt-client 600
# Needs afl-fuzz (Debian: apt-get install afl++). Builds the runner in Release, instruments the firmware assembly
# with SharpFuzz (the tool comes from the repository's tool manifest), and fuzzes from fuzz/corpus/<target>.
# Findings land in fuzz/out/afl/<target>/default/crashes and .../hangs; replay one with
#   dotnet run --project fuzz/Fuzz.Runner -c Release -- repro <target> <file>
set -euo pipefail
target=${1:?usage: fuzz/afl.sh <target> [minutes]}
minutes=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/fuzz/out"
command -v afl-fuzz > /dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
[ -d "$root/fuzz/corpus/$target" ] || { echo "no target '$target': dotnet run --project fuzz/Fuzz.Runner -- list" >&2; exit 2; }

cd "$root"
dotnet tool restore > /dev/null
rm -rf "$out/bin"
dotnet publish fuzz/Fuzz.Runner -c Release -o "$out/bin" --nologo -v quiet
# Only the firmware is instrumented: AFL's coverage map then follows the code under test, not the harness.
dotnet sharpfuzz "$out/bin/CellularIot.Firmware.dll"

mkdir -p "$out/afl"
export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1
limit=()
if [ -n "$minutes" ]; then limit=(-V "$((minutes * 60))"); fi
exec afl-fuzz -i "fuzz/corpus/$target" -o "$out/afl/$target" -t 10000 -m none "${limit[@]}" -- "$out/bin/Fuzz.Runner" afl "$target"
