#!/usr/bin/env bash
# Finds or makes a JDK 21, the oldest JDK the kit supports, and prints its folder (for
# JAVA_HOME) on standard output; everything else goes to standard error. Exit status 3:
# none could be had on this machine, and nothing was changed.
#
#   JAVA_HOME=$(.ci/jdk21.sh)
#
# In order:
#  1. $JDK21_HOME, or a JDK 21 already installed (/usr/lib/jvm, /opt, SDKMAN);
#  2. the system's own package (openjdk-21-jdk-headless), where apt has one;
#  3. on Debian without that package (Debian 12 ships 17): Debian 13's OpenJDK 21
#     packages and the newer C library they need, downloaded from the Debian archive the
#     machine already uses and unpacked into a folder (default
#     ${XDG_CACHE_HOME:-~/.cache}/axon-kit/jdk21), with the JDK's programs pointed at that
#     C library by patchelf. Nothing is installed system-wide except patchelf.
set -euo pipefail

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

is_jdk21() {
  [ -x "$1/bin/javac" ] && [ "$(java_major "$1/bin/java" 2>/dev/null)" = "21" ]
}

# 1. One already here.
for candidate in "${JDK21_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
  [ -n "$candidate" ] && [ -d "$candidate" ] || continue
  if is_jdk21 "$candidate"; then echo "$candidate"; exit 0; fi
done
dir=${JDK21_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/axon-kit/jdk21}
if is_jdk21 "$dir/jdk" && "$dir/jdk/bin/java" -version >/dev/null 2>&1; then echo "$dir/jdk"; exit 0; fi

if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "No JDK 21 here, and no apt-get run as root to get one (set JDK21_HOME to a JDK 21 to use it)." >&2
  exit 3
fi

# 2. The system's package, where the system has one (Ubuntu 22.04+, Debian 13+).
if [ -n "$(apt-cache policy openjdk-21-jdk-headless 2>/dev/null | sed -n 's/^ *Candidate: *//p' | grep -v none)" ]; then
  echo "Installing the system's openjdk-21-jdk-headless" >&2
  if apt-get install -y -qq openjdk-21-jdk-headless >&2; then
    for candidate in /usr/lib/jvm/*; do
      if is_jdk21 "$candidate"; then echo "$candidate"; exit 0; fi
    done
  fi
fi

# 3. Debian 13's packages, unpacked beside the system (Debian only).
uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$uri" ] || uri=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' \
  /etc/apt/sources.list 2>/dev/null || true)
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
if [ -z "$uri" ] || [ ! -f "$keyring" ]; then
  echo "No JDK 21 here, no system package for it, and this is not Debian (no Debian archive in the apt sources)." >&2
  exit 3
fi
command -v patchelf >/dev/null || { apt-get update -qq >&2 && apt-get install -y -qq patchelf >&2; } || {
  echo "Could not install patchelf, which the unpacked JDK 21 needs." >&2; exit 3; }
echo "Making a JDK 21 in $dir from Debian 13's packages ($uri)" >&2
rm -rf "$dir"; mkdir -p "$dir/lists/partial" "$dir/debs" "$dir/root"
echo "deb [signed-by=$keyring] $uri trixie main" > "$dir/sources.list"
o=(-o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$dir/lists"
   -o APT::Sandbox::User=root)
if ! { apt-get "${o[@]}" -qq update >&2 && (cd "$dir/debs" && apt-get "${o[@]}" -qq download \
    openjdk-21-jdk-headless openjdk-21-jre-headless libc6 libstdc++6 libgcc-s1 zlib1g libjpeg62-turbo liblcms2-2 \
    libfreetype6 libpng16-16t64 libharfbuzz0b libpcsclite1 libglib2.0-0t64 libgraphite2-3 libbrotli1 libbz2-1.0 \
    libpcre2-8-0 libffi8 >&2); }; then
  echo "Could not download Debian 13's OpenJDK 21 packages from $uri." >&2
  rm -rf "$dir"; exit 3
fi
for d in "$dir"/debs/*.deb; do dpkg -x "$d" "$dir/root"; done
R="$dir/root"; cp -r "$R/usr/lib/jvm/java-21-openjdk-amd64" "$dir/jdk"
# Debian links the JDK's configuration into /etc: copy those files in.
find "$dir/jdk" -type l | while read -r l; do
  t=$(readlink "$l"); case "$t" in /etc/*) [ -e "$R$t" ] && { rm "$l"; cp -L "$R$t" "$l"; };; esac
done
ld="$R/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"; rp="$R/usr/lib/x86_64-linux-gnu:$R/lib/x86_64-linux-gnu"
find "$dir/jdk" -type f \( -perm -u+x -o -name '*.so' \) | while read -r f; do
  head -c 4 "$f" | grep -q ELF || continue
  patchelf --print-interpreter "$f" >/dev/null 2>&1 && patchelf --set-interpreter "$ld" "$f"
  old=$(patchelf --print-rpath "$f" 2>/dev/null || true); patchelf --set-rpath "${old:+$old:}$rp" "$f"
done
rm -rf "$dir/debs" "$dir/lists"
if ! "$dir/jdk/bin/java" -version >&2; then
  echo "The JDK 21 unpacked in $dir does not run on this machine." >&2
  exit 3
fi
echo "$dir/jdk"
