#!/bin/sh
# How long a learner waits for the board after saving a one-line change, both ways:
#   ./mvnw -q test -Dstage=N        (a whole Maven run)
#   ./mvnw -q -pl tools compile exec:java@watch -Dstage=N   (the warm loop: save to board)
# It works on a copy of the kit (in a temporary folder, removed at the end) in which the
# stages before N hold the reference code, as for a learner working on stage N; before
# each run it changes one line of an exercise. It prints min, median and max of each;
# nothing passes or fails on them. The numbers are only as quiet as the machine.
#
#   bench/loop.sh [-n RUNS] [-s STAGE] [-o]      defaults: 10 runs, stage 5; -o: Maven offline
set -eu

runs=10
stage=5
offline=""
while [ $# -gt 0 ]; do
  case "$1" in
  -n) runs="$2"; shift 2 ;;
  -s) stage="$2"; shift 2 ;;
  -o) offline="-o"; shift ;;
  *) echo "usage: bench/loop.sh [-n RUNS] [-s STAGE] [-o]" >&2; exit 2 ;;
  esac
done

kit="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/axon-loop-bench.XXXXXX")"
watcher=""
cleanup() {
  if [ -n "$watcher" ]; then kill "$watcher" 2>/dev/null || :; wait "$watcher" 2>/dev/null || :; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

now() { date +%s%N; }   # nanoseconds (GNU date)

echo "Copying the kit to $work and catching up to stage $stage ..."
if [ -e "$kit/.git" ] && command -v git >/dev/null 2>&1; then
  (cd "$kit" && git ls-files -z | xargs -0 tar cf -) | (cd "$work" && tar xf -)
else
  (cd "$kit" && tar cf - --exclude=./.git --exclude='*/target' --exclude=./target --exclude=./.kit .) | (cd "$work" && tar xf -)
fi
cd "$work"
[ "$stage" -gt 1 ] && ./mvnw -q $offline -pl tools compile exec:java@catch-up -Dstage="$stage" >/dev/null
file=exercises/src/main/java/axon/Microprocess.java

change() {   # one line changed: a comment at the end of an exercise file
  printf '// bench run %s\n' "$1" >>"$file"
}

echo "First run (downloads, compiles everything; not counted) ..."
./mvnw -q $offline test -Dstage="$stage" >/dev/null 2>&1 || :

echo "Maven: $runs runs of ./mvnw -q test -Dstage=$stage, one line changed before each ..."
: >maven.times
i=1
while [ "$i" -le "$runs" ]; do
  change "maven $i"
  start=$(now)
  ./mvnw -q $offline test -Dstage="$stage" >/dev/null 2>&1 || :
  echo $(( $(now) - start )) >>maven.times
  i=$((i + 1))
done

echo "Watch: starting it, then $runs saves ..."
./mvnw -q $offline -pl tools compile exec:java@watch -Dstage="$stage" >watch.log 2>&1 &
watcher=$!
boards() { grep -c "Watching exercises/" watch.log 2>/dev/null || :; }
waited=0
while [ "$(boards)" -lt 1 ]; do
  sleep 0.2; waited=$((waited + 1))
  if [ "$waited" -gt 1500 ]; then echo "watch did not start in 5 minutes; its output:" >&2; cat watch.log >&2; exit 1; fi
done
# A first save warms the loop up, as the first minutes of a session do; not counted.
: >watch.times
i=0
while [ "$i" -le "$runs" ]; do
  seen=$(boards)
  sleep 0.5
  change "watch $i"
  start=$(now)
  while [ "$(boards)" -le "$seen" ]; do sleep 0.01; done
  [ "$i" -gt 0 ] && echo $(( $(now) - start )) >>watch.times
  i=$((i + 1))
done

stats() {   # min median max of a file of nanoseconds, in seconds
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%6.2f s  %6.2f s  %6.2f s", v[1] / 1e9, m / 1e9, v[NR] / 1e9 }'
}

echo
echo "Save to board, stage $stage, $runs runs each, on $(nproc 2>/dev/null || echo '?') processors (load now: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')):"
echo
printf '  %-46s %8s  %8s  %8s\n' "" "min" "median" "max"
printf '  %-46s %s\n' "./mvnw -q test -Dstage=$stage" "$(stats maven.times)"
printf '  %-46s %s\n' "watch (./kit watch $stage), save to board" "$(stats watch.times)"
