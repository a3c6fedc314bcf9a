#!/usr/bin/env bash
# Measures the gate: runs the sample project's ast:train against its committed baseline on a clean
# clone of this repository's HEAD, optionally with one regression planted in the engine first.
#
#   bash tools/plant-regressions/run.sh <label> [plant]
#
# plants (see plants.py): lr100, frozen-controller, half-epochs, random-scorer, swapped-weights.
# The clone builds into its own local repository (a copy of ~/.m2), so the planted engine never
# reaches ~/.m2. Outputs: target/plants/<label>/ (train.log, messages.txt, status.txt, the plant's diff).
# Run one at a time, with no other training process on the machine.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
label=$1; plant=${2:-}
work=${TMPDIR:-/tmp}/ast-plant-work
m2=${TMPDIR:-/tmp}/ast-plant-m2
out=$here/target/plants/$label
mkdir -p "$out"
[ -d "$m2" ] || cp -r ~/.m2 "$m2"
rm -rf "$work" && git clone -q "$here" "$work" && cd "$work"
git log --oneline -1 > "$out/commit.txt"
if [ -n "$plant" ]; then
  python3 "$here/tools/plant-regressions/plants.py" "$work" "$plant" > "$out/plant.txt" || exit 1
  git diff > "$out/plant.diff"
fi
mvn -B -o -q -Dmaven.repo.local="$m2/repository" install -DskipTests -Dinvoker.skip=true -pl ast-core,ast-maven-plugin \
    > "$out/build.log" 2>&1 || { echo "build failed, see $out/build.log" | tee "$out/status.txt"; exit 1; }
start=$(date +%s)
mvn -B -o -Dmaven.repo.local="$m2/repository" -f sample-project/pom.xml compile ast:train > "$out/train.log" 2>&1
rc=$?
echo "exit $rc, $(( $(date +%s) - start )) s" | tee "$out/status.txt"
grep -E "^\[(WARNING|ERROR)\]" "$out/train.log" > "$out/messages.txt"
