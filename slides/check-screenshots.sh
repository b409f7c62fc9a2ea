#!/usr/bin/env bash
# Looks at the rendered decks the way an audience would, in headless Chromium:
#
#  1. For every slide of each HTML deck, measures (src/check/deck-check.js) what a
#     person at the back would miss, and fails naming the slide and the text: anything
#     that spills over the 1280x720 slide or needs a scroll bar; text below 24 px (code,
#     output, tables, lists, and the labels and chart text in SVG pictures); text whose
#     contrast against what is drawn behind it is below 4.5:1; an element covered by
#     another, and labels of a picture on top of each other. Before that it plants a
#     fault of each kind in a copy of a deck and fails if the check misses one. It also
#     fails if reveal.js did not load.
#  2. Takes screenshots of a few slides of each deck (all of them with --all), and
#     turns pages of the PDFs into PNGs, into slides/target/screenshots/, for a person
#     to look at: is the code readable from the back of the room?
#
#   slides/check-screenshots.sh [--all]
#
# Needs: the decks rendered (./mvnw -q -pl slides -am package), Debian's chromium and
# poppler-utils (apt-get install -y chromium poppler-utils), and reveal.js 4.5.0 beside
# the decks, which this script puts there with get-revealjs.sh (npm, or the tarball
# kept from an earlier run). Without chromium or reveal.js it says so and exits with
# status 3, so that a caller can tell "could not check" from "checked and failed" (1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/target/slides"
shots="$here/target/screenshots"
all=false
[ "${1:-}" = "--all" ] && all=true

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "No chromium here: install it (apt-get install -y chromium poppler-utils) to check the decks." >&2
  exit 3
fi
for deck in ${DECKS:-embracing-concurrency pragmatic-concurrency}; do
  [ -f "$out/$deck.html" ] || { echo "$out/$deck.html is missing: run ./mvnw -q -pl slides -am package first" >&2; exit 1; }
done
if [ ! -f "$out/reveal.js/dist/reveal.js" ] && ! "$here/get-revealjs.sh" >/dev/null; then
  echo "Could not put reveal.js beside the decks (see slides/README.adoc), so they cannot be checked." >&2
  exit 3
fi

rm -rf "$shots"
mkdir -p "$shots"
profile="$(mktemp -d)"
trap 'rm -rf "$profile" "$out/.deck-check.js" "$out"/.check-*.html "$out/.planted.svg" "$out/.planted.js"' EXIT

chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --disable-sync --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1280,720 "$@" 2>/dev/null
}

# The measuring script (src/check/deck-check.js), loaded by a copy of each deck: it visits
# every slide and writes what does not fit or cannot be read into a <pre id="deck-check">
# that --dump-dom prints.
cp "$here/src/check/deck-check.js" "$out/.deck-check.js"

# measure DECK-COPY.html: what deck-check.js found in it, or nothing if reveal.js did not start.
measure() {
  chrome --allow-file-access-from-files --virtual-time-budget=20000 --dump-dom "file://$1" \
    | perl -0777 -ne 'print $1 if m{<pre id="deck-check">(.*?)</pre>}s' \
    | sed -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
}

# First, the check must be able to fail: a copy of the Ignite deck with a fault of each
# kind planted on its first slide (a white label, a 14 px label and two overlapping
# labels in an SVG picture, code in 14 px type, code covered by a box) must be
# reported, each of them.
cat > "$out/.planted.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" viewBox="0 0 400 100">
  <rect x="0" y="0" width="400" height="100" fill="#ffffff"/>
  <text x="10" y="40" font-size="30" fill="#ffffff">planted white label</text>
  <text x="10" y="80" font-size="14" fill="#000000">planted chart text</text>
  <text x="220" y="80" font-size="30" fill="#000000">overlap one</text>
  <text x="230" y="90" font-size="30" fill="#000000">overlap two</text>
</svg>
SVG
cat > "$out/.planted.js" <<'JS'
(function () {
  function plant() {
    var slide = Reveal.getSlides()[0];
    var box = document.createElement("div");
    box.innerHTML = '<img src=".planted.svg" width="400" height="100" style="position:absolute;left:0;top:0;margin:0">'
      + '<pre style="position:absolute;left:0;top:120px;margin:0"><code style="font-size:14px">planted tiny code</code></pre>'
      + '<pre style="position:absolute;left:0;top:200px;margin:0;font-size:30px"><code>planted covered code</code></pre>'
      + '<div style="position:absolute;left:0;top:190px;width:600px;height:80px;background:#1b3d6d"></div>';
    slide.appendChild(box);
  }
  if (Reveal.isReady()) plant(); else Reveal.on("ready", plant);
})();
JS
planted="$out/.check-planted.html"
sed 's|</body>|<script src=".planted.js"></script><script src=".deck-check.js"></script></body>|' \
  "$out/embracing-concurrency.html" > "$planted"
seen="$(measure "$planted")"
rm -f "$planted"
if [ -z "$seen" ]; then
  echo "The planted deck did not start: is $out/reveal.js complete?" >&2
  exit 1
fi
missed=""
grep -q 'label "planted white label".*contrast' <<<"$seen" || missed="$missed a white label on white;"
grep -q 'label "planted chart text".*px (at least' <<<"$seen" || missed="$missed a 14 px label in a picture;"
grep -q 'text "planted tiny code" is 14' <<<"$seen" || missed="$missed code in 14 px type;"
grep -q '"planted covered code").*covered by' <<<"$seen" || missed="$missed code covered by a box;"
grep -q 'labels "overlap one" and "overlap two".*overlap' <<<"$seen" || missed="$missed two labels on top of each other;"
if [ -n "$missed" ]; then
  echo "The check is blind: it did not report faults planted on purpose:$missed it said:" >&2
  echo "$seen" >&2
  exit 1
fi
echo "The check sees planted faults: a white label, a 14 px label, 14 px code, covered code, overlapping labels."

status=0
for deck in ${DECKS:-embracing-concurrency pragmatic-concurrency}; do
  check="$out/.check-$deck.html"
  sed 's|</body>|<script src=".deck-check.js"></script></body>|' "$out/$deck.html" > "$check"
  report="$(measure "$check")"
  rm -f "$check"
  if [ -z "$report" ]; then
    echo "$deck.html: reveal.js did not start (is $out/reveal.js complete?)" >&2
    status=1
    continue
  fi
  echo "$deck.html: $report"
  case "$report" in *"everything fits and reads"*) ;; *) status=1 ;; esac

  count="$(printf '%s\n' "$report" | sed -n 's/^slides: //p')"
  if $all; then
    picks="$(seq 0 $((count - 1)))"
  elif [ "$deck" = embracing-concurrency ]; then
    picks="0 5 6 8 14"
  else
    picks="0 1 $((count / 4)) $((count / 2)) $((3 * count / 4)) $((count - 1))"
  fi
  for n in $picks; do
    chrome --virtual-time-budget=4000 --screenshot="$shots/$deck-$(printf %02d $((n + 1))).png" \
      "file://$out/$deck.html#/$n" >/dev/null
  done
  if command -v pdftoppm >/dev/null 2>&1; then
    if $all; then
      pdftoppm -png -r 50 "$out/$deck.pdf" "$shots/$deck-pdf"
    else
      pdftoppm -png -r 50 -f 1 -l 8 "$out/$deck.pdf" "$shots/$deck-pdf"
    fi
  fi
done
echo "Screenshots and PDF pages to look at: $shots"
exit $status
