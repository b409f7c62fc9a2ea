#!/usr/bin/env bash
# Looks at the rendered decks the way an audience would, in headless Chromium:
#
#  1. For every slide of each HTML deck, measures whether anything spills over the
#     slide (taller or wider than the 1280x720 slide, or code that would need a scroll
#     bar) and fails, naming the slide, if so. It also fails if reveal.js did not load.
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
trap 'rm -rf "$profile" "$out/.deck-check.js" "$out"/.check-*.html' EXIT

chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --disable-sync --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1280,720 "$@" 2>/dev/null
}

# The measuring script, loaded by a copy of each deck: it visits every slide and writes
# what does not fit into a <pre id="deck-check"> that --dump-dom prints.
measure="$out/.deck-check.js"
cat > "$measure" <<'JS'
(function () {
  function run() {
    var cfg = Reveal.getConfig(), lines = [], slides = Reveal.getSlides();
    slides.forEach(function (slide, i) {
      var idx = Reveal.getIndices(slide);
      Reveal.slide(idx.h, idx.v);
      var h2 = slide.querySelector("h1, h2, h3");
      var name = "slide " + (i + 1) + " (" + (h2 ? h2.textContent.trim() : "untitled") + ")";
      if (slide.scrollHeight > cfg.height + 2) lines.push(name + ": " + slide.scrollHeight + "px tall, the slide is " + cfg.height + "px");
      if (slide.scrollWidth > cfg.width + 2) lines.push(name + ": " + slide.scrollWidth + "px wide, the slide is " + cfg.width + "px");
      slide.querySelectorAll("pre, pre code, table, .imageblock").forEach(function (el) {
        if (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) {
          lines.push(name + ": a " + el.tagName.toLowerCase() + " is cut off (" + el.scrollWidth + "x" + el.scrollHeight + " in " + el.clientWidth + "x" + el.clientHeight + ")");
        }
      });
    });
    var pre = document.createElement("pre");
    pre.id = "deck-check";
    pre.textContent = "slides: " + slides.length + "\n" + (lines.length ? lines.join("\n") : "everything fits");
    document.body.appendChild(pre);
  }
  if (Reveal.isReady()) run(); else Reveal.on("ready", run);
})();
JS


status=0
for deck in ${DECKS:-embracing-concurrency pragmatic-concurrency}; do
  check="$out/.check-$deck.html"
  sed 's|</body>|<script src=".deck-check.js"></script></body>|' "$out/$deck.html" > "$check"
  report="$(chrome --virtual-time-budget=20000 --dump-dom "file://$check" \
    | perl -0777 -ne 'print $1 if m{<pre id="deck-check">(.*?)</pre>}s' | sed -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g')"
  rm -f "$check"
  if [ -z "$report" ]; then
    echo "$deck.html: reveal.js did not start (is $out/reveal.js complete?)" >&2
    status=1
    continue
  fi
  echo "$deck.html: $report"
  case "$report" in *"everything fits"*) ;; *) status=1 ;; esac

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
