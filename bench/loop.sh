#!/bin/sh
# How long a learner waits for the board after saving a one-line change, both ways:
#   ./mvnw -q test -Dstage=N        (a whole Maven run)
#   ./mvnw -q -pl tools compile exec:java@watch -Dstage=N   (the warm loop: save to board)
# It works on a copy of the kit (in a temporary folder, removed at the end) in which the
# stages before N hold the reference code, as for a learner working on stage N; before
# each run it adds one line to the file the learner works in, the first one holding a
# place of stage N, just above that place (so the compiled code changes too: its line
# numbers move). It prints min, median and max of each,
# with the machine's load average before and after each series; nothing passes or fails
# on them. The numbers are only as quiet as the machine: on a shared one, compare
# figures taken side by side, not figures taken on different days.
#
#   bench/loop.sh [-n RUNS] [-s STAGE] [-o] [-b] [-1] [-w]
#     defaults: 10 runs, stage 5; -o: Maven offline;
#     -1: change stage 1's file instead (Microprocess.java), which every stage's tests use:
#         the watch loop then runs every test class again (see "Grading on every save");
#     -w: the watch loop only, no Maven series;
#     -b: busy, one processor kept busy (an endless `yes`) while the runs are timed, as on
#         a laptop that does something else too (pinned to the last processor with taskset
#         when there is one)
set -eu

runs=10
stage=5
offline=""
busy=""
first=""
maven=yes
while [ $# -gt 0 ]; do
  case "$1" in
  -n) runs="$2"; shift 2 ;;
  -s) stage="$2"; shift 2 ;;
  -o) offline="-o"; shift ;;
  -b) busy=yes; shift ;;
  -1) first=yes; shift ;;
  -w) maven=""; shift ;;
  *) echo "usage: bench/loop.sh [-n RUNS] [-s STAGE] [-o] [-b] [-1] [-w]" >&2; exit 2 ;;
  esac
done

kit="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/axon-loop-bench.XXXXXX")"
watcher=""
hog=""
cleanup() {
  if [ -n "$watcher" ]; then kill "$watcher" 2>/dev/null || :; wait "$watcher" 2>/dev/null || :; fi
  if [ -n "$hog" ]; then kill "$hog" 2>/dev/null || :; wait "$hog" 2>/dev/null || :; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

now() { date +%s%N; }   # nanoseconds (GNU date)
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*average[s]*: *//'; }

echo "Copying the kit to $work and catching up to stage $stage ..."
if [ -e "$kit/.git" ] && command -v git >/dev/null 2>&1; then
  (cd "$kit" && git ls-files -z | xargs -0 tar cf -) | (cd "$work" && tar xf -)
else
  (cd "$kit" && tar cf - --exclude=./.git --exclude='*/target' --exclude=./target --exclude=./.kit .) | (cd "$work" && tar xf -)
fi
cd "$work"
[ "$stage" -gt 1 ] && ./mvnw -q $offline -pl tools compile exec:java@catch-up -Dstage="$stage" >/dev/null
place="throw new Todo($stage);"
[ -n "$first" ] && place="throw new Todo(1"
file=$(grep -rlF "$place" exercises/src/main/java | sort | head -n 1)
[ -n "$first" ] && file=exercises/src/main/java/axon/Microprocess.java
if [ -z "$file" ]; then echo "no place of stage $stage found under exercises/" >&2; exit 1; fi
echo "Each run adds a line to $file."

# One line added above the place: the code under it moves, so its class file changes. The
# new text is written outside exercises/ and moved in at once, so that the watch never
# grades a half-made change (a file it does not compile, beside the one it does).
change() {
  if [ -n "$first" ]; then
    awk -v run="$1" '!done && /this.id = lastId|^    public String name\(\)/ { print "    // bench run " run; done = 1 } { print }' \
      "$file" >changed.java
  else
    awk -v run="$1" -v place="$place" '!done && index($0, place) { print "        // bench run " run; done = 1 } { print }' \
      "$file" >changed.java
  fi
  mv changed.java "$file"
}

echo "First runs (downloads, compiles everything; not counted) ..."
./mvnw -q $offline test -Dstage="$stage" >/dev/null 2>&1 || :
# The second run compiles everything again, once, with the compile that later runs go on from.
./mvnw -q $offline test -Dstage="$stage" >/dev/null 2>&1 || :

if [ -n "$busy" ]; then
  last=$(( $(nproc 2>/dev/null || echo 1) - 1 ))
  if command -v taskset >/dev/null 2>&1; then
    taskset -c "$last" yes >/dev/null &
  else
    yes >/dev/null &
  fi
  hog=$!
  echo "One processor kept busy (process $hog) while the runs are timed."
fi

: >maven.times
maven_load="$(load)"
[ -n "$maven" ] && echo "Maven: $runs runs of ./mvnw -q test -Dstage=$stage, one line changed before each ..."
i=1
while [ -n "$maven" ] && [ "$i" -le "$runs" ]; do
  change "maven $i"
  start=$(now)
  ./mvnw -q $offline test -Dstage="$stage" >/dev/null 2>&1 || :
  echo $(( $(now) - start )) >>maven.times
  i=$((i + 1))
done
maven_load="$maven_load -> $(load)"

echo "Watch: starting it, then $runs saves ..."
./mvnw -q $offline -pl tools compile exec:java@watch -Dstage="$stage" >watch.log 2>&1 &
watcher=$!
boards() {   # how many boards (or compile reports) the watch has shown
  count=$(grep -c "Watching exercises/" watch.log 2>/dev/null) || :
  echo "${count:-0}"
}
waited=0
while [ "$(boards)" -lt 1 ]; do
  sleep 0.2; waited=$((waited + 1))
  if [ "$waited" -gt 1500 ]; then echo "watch did not start in 5 minutes; its output:" >&2; cat watch.log >&2; exit 1; fi
done
# A first save warms the loop up, as the first minutes of a session do; not counted.
: >watch.times
watch_load="$(load)"
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
watch_load="$watch_load -> $(load)"

stats() {   # min median max of a file of nanoseconds, in seconds
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%6.2f s  %6.2f s  %6.2f s", v[1] / 1e9, m / 1e9, v[NR] / 1e9 }'
}

echo
echo "Save to board, stage $stage ($file), $runs runs each, on $(nproc 2>/dev/null || echo '?') processors$([ -n "$busy" ] && echo ', one of them kept busy'):"
echo
printf '  %-46s %8s  %8s  %8s    %s\n' "" "min" "median" "max" "load average (1, 5, 15 min) before -> after"
[ -n "$maven" ] && printf '  %-46s %s    %s\n' "./mvnw -q test -Dstage=$stage" "$(stats maven.times)" "$maven_load"
printf '  %-46s %s    %s\n' "watch (./kit watch $stage), save to board" "$(stats watch.times)" "$watch_load"
