#!/usr/bin/env bash
# Looks at the live view (kamaelia.experimental.view) the way a learner does, in
# headless Chromium: it starts two demos with their view, opens each page, and checks
# that it shows the right components, boxes and links, that a waiting-message count
# changes as the system runs, and that no token or a wrong one shows nothing. It also runs a
# stage demo with -Daxon.view (the page of a program that opens no view, paused at first, its
# backplane a badge) and checks the /trace page of a 100,000-event trace (-Daxon.trace): refused
# without the token, lifelines and events drawn, loaded and scrolled without freezing. It takes
# a screenshot of each, into src-docs/target/live-view-check/, for a person to look at;
# with --handbook, into the handbook's images instead:
#   src-docs/src/docs/asciidoc/images/live-view-small.png    (examples.programs.LiveDemo)
#   src-docs/src/docs/asciidoc/images/live-view-capstone.png (examples.programs.LiveCapstone)
#
#   src-docs/check-live-view.sh [--handbook]
#
# Needs: Debian's chromium (apt-get install -y chromium) and Node.js with npm, which
# fetches playwright-core (pinned below) into src-docs/target/ the first time. Maven
# options for the build can be given in MVN_FLAGS (for example MVN_FLAGS=-o).
# Without chromium, node or playwright-core it says so and exits with status 3, so that
# a caller can tell "could not check" from "checked and failed" (1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$here/target/live-view-check"
images="$work"
[ "${1:-}" = "--handbook" ] && images="$here/src/docs/asciidoc/images"
playwright_version=1.57.0

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "No chromium here: install it (apt-get install -y chromium) to check the live view." >&2
  exit 3
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "No node or npm here: install Node.js to check the live view in a browser." >&2
  exit 3
fi
mkdir -p "$work"
if [ ! -d "$work/node_modules/playwright-core" ]; then
  if ! (cd "$work" && npm install --silent --no-audit --no-fund "playwright-core@$playwright_version" >/dev/null); then
    echo "Could not install playwright-core $playwright_version with npm, so the live view cannot be checked." >&2
    exit 3
  fi
fi
cp "$here/check-live-view.mjs" "$work/"

# shellcheck disable=SC2086
"$root/mvnw" -q ${MVN_FLAGS:-} -f "$root/pom.xml" -pl solutions compile dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath.txt"
classpath="$root/solutions/target/classes:$(cat "$work/classpath.txt")"

pids=()
batch="$(mktemp -d)"
cleanup() {
  exec 3>&- 4>&- 5>&- 6>&- 2>/dev/null || true  # end of input: each demo closes its view and ends
  sleep 1
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$batch"
}
trap cleanup EXIT

# Starts a demo on file descriptor $2 as its standard input (it waits for Enter at its
# end, so it stays until this script ends) and prints the address of its live view.
start() {
  local log="$1" fd="$2"; shift 2
  mkfifo "$batch/input$fd"
  java -cp "$classpath" "$@" <"$batch/input$fd" >"$log" 2>&1 &
  pids+=("$!")
  eval "exec $fd>\"\$batch/input$fd\""
  for _ in $(seq 1 150); do
    if grep -q 'live view of .*token=' "$log"; then
      grep -o 'http://127.0.0.1:[0-9]*/?token=[0-9a-f]*' "$log" | head -1
      return 0
    fi
    sleep 0.2
  done
  echo "The demo did not print the address of its live view:" >&2
  cat "$log" >&2
  return 1
}

status=0
echo "Live view of examples.programs.LiveDemo (a small system):"
start "$work/small.log" 3 examples.programs.LiveDemo 40 150 >"$work/small.url"
url="$(cat "$work/small.url")"
(cd "$work" && CHROMIUM="$browser" node check-live-view.mjs small "$url" "$images/live-view-small.png") || status=1

echo "Live view of examples.programs.LiveCapstone (the capstone's graphline):"
start "$work/large.log" 4 examples.programs.LiveCapstone "$batch/work" 16 1500 >"$work/large.url"
url="$(cat "$work/large.url")"
(cd "$work" && CHROMIUM="$browser" node check-live-view.mjs large "$url" "$images/live-view-capstone.png") || status=1

echo "Live view of examples.stages.Stage08Demo, which opens none itself, run with -Daxon.view:"
start "$work/flag.log" 5 -Daxon.view examples.stages.Stage08Demo >"$work/flag.url"
url="$(cat "$work/flag.url")"
(cd "$work" && CHROMIUM="$browser" node check-live-view.mjs flag "$url" "$work/live-view-flag.png") || status=1

echo "Trace page (/trace) of examples.programs.LiveDemo run with -Daxon.trace, at 100,000 events:"
start "$work/trace.log" 6 -Daxon.trace -Daxon.trace.size=100000 examples.programs.LiveDemo 30000 0 >"$work/trace.url"
url="$(cat "$work/trace.url")"
(cd "$work" && CHROMIUM="$browser" node check-live-view.mjs trace "$url" "$work/trace-page.png") || status=1

exit "$status"
