#!/usr/bin/env bash
# Puts reveal.js 4.5.0 (the version the decks' converter targets) beside the rendered
# HTML decks, so that they present with no network at all.
#
#   slides/get-revealjs.sh                 from slides/reveal.js-4.5.0.tgz if it is there,
#                                          else with "npm pack" (needs npm and its registry)
#   slides/get-revealjs.sh FILE.tgz        from a tarball made earlier: npm pack reveal.js@4.5.0
#   slides/get-revealjs.sh FILE.tgz DIR    into DIR instead of slides/target/slides
#
# The tarball is checked against reveal.js 4.5.0's published SHA-1 and kept as
# slides/reveal.js-4.5.0.tgz (not committed), so the next run, or a run after
# ./mvnw clean, needs no network. Copy that file to a USB stick to be safe.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=4.5.0
sha1=fc04329aee58dd88862bf1f8e8f85f7993287763
kept="$here/reveal.js-$version.tgz"
tarball="${1:-}"
dest="${2:-$here/target/slides}"

if [ -z "$tarball" ]; then
  if [ ! -f "$kept" ]; then
    command -v npm >/dev/null 2>&1 || {
      echo "No $kept and no npm: on a machine with npm and a network, run 'npm pack reveal.js@$version'," >&2
      echo "bring the reveal.js-$version.tgz it writes, and run: $0 path/to/reveal.js-$version.tgz" >&2
      exit 1
    }
    echo "Fetching reveal.js $version with npm pack"
    (cd "$here" && npm pack --silent "reveal.js@$version" >/dev/null)
  fi
  tarball="$kept"
fi
[ -f "$tarball" ] || { echo "$tarball: no such file" >&2; exit 1; }
actual="$(sha1sum "$tarball" | cut -d' ' -f1)"
if [ "$actual" != "$sha1" ]; then
  echo "$tarball is not reveal.js $version (SHA-1 $actual, expected $sha1)" >&2
  exit 1
fi
if [ "$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")" != "$kept" ]; then
  cp "$tarball" "$kept"
fi

mkdir -p "$dest"
rm -rf "$dest/reveal.js"
mkdir "$dest/reveal.js"
tar xzf "$tarball" -C "$dest/reveal.js" --strip-components=1 package/dist package/plugin package/LICENSE
echo "reveal.js $version is in $dest/reveal.js; open the decks there, for example:"
echo "  $dest/pragmatic-concurrency.html   (press s for the speaker notes, f for full screen)"
