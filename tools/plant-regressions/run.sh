#!/usr/bin/env bash
# Measures the gate: runs the sample project's ast:train against its committed baseline on a clean
# clone of this repository's HEAD, optionally with one regression planted in the engine first.
#
#   bash tools/plant-regressions/run.sh <label> [plant] [-- <maven arguments>]
#
# plants (see plants.py): lr100, lr-half, accuracy-0.035, accuracy-0.025, frozen-controller, half-epochs, random-scorer, swapped-weights.
# Arguments after -- go to the sample's ast:train, e.g. -Dast.threads=2 to run the check in another
# environment than the committed baseline's (threads is part of the environment's fingerprint):
#   OMP_WAIT_POLICY=PASSIVE bash tools/plant-regressions/run.sh threads2-lr100 lr100 -- -Dast.threads=2
# (with more libtorch threads than free cores, passive OpenMP waiting keeps the run from crawling).
# The clone builds into its own local repository (a copy of ~/.m2), so the planted engine never
# reaches ~/.m2. Outputs: target/plants/<label>/ (train.log, messages.txt, detectable.txt, status.txt, maven-args.txt, the plant's diff, results/<experiment>.json).
# Run one at a time, with no other training process on the machine.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
label=$1; shift
plant=
if [ $# -gt 0 ] && [ "$1" != "--" ]; then plant=$1; shift; fi
if [ $# -gt 0 ]; then
  [ "$1" = "--" ] || { echo "usage: run.sh <label> [plant] [-- <maven arguments>]" >&2; exit 2; }
  shift
fi
work=${TMPDIR:-/tmp}/ast-plant-work
m2=${TMPDIR:-/tmp}/ast-plant-m2
out=$here/target/plants/$label
mkdir -p "$out"
[ -d "$m2" ] || cp -r ~/.m2 "$m2"
rm -rf "$work" && git clone -q "$here" "$work" && cd "$work"
git log --oneline -1 > "$out/commit.txt"
echo "$*" > "$out/maven-args.txt"
if [ -n "$plant" ]; then
  python3 "$here/tools/plant-regressions/plants.py" "$work" "$plant" > "$out/plant.txt" || exit 1
  git diff > "$out/plant.diff"
fi
mvn -B -o -q -Dmaven.repo.local="$m2/repository" install -DskipTests -Dinvoker.skip=true -pl ast-core,ast-maven-plugin \
    > "$out/build.log" 2>&1 || { echo "build failed, see $out/build.log" | tee "$out/status.txt"; exit 1; }
start=$(date +%s)
mvn -B -o -Dmaven.repo.local="$m2/repository" -f sample-project/pom.xml compile ast:train "$@" > "$out/train.log" 2>&1
rc=$?
echo "exit $rc, $(( $(date +%s) - start )) s" | tee "$out/status.txt"
grep -E "^\[(WARNING|ERROR)\]" "$out/train.log" > "$out/messages.txt"
grep -E "detectable (drop|change)|refuseBlindGate" "$out/train.log" > "$out/detectable.txt"
# every experiment's result.json (the checks' messages and figures), for the tables
for f in sample-project/target/ast/*/result.json; do
  [ -f "$f" ] && mkdir -p "$out/results" && cp "$f" "$out/results/$(basename "$(dirname "$f")").json"
done
