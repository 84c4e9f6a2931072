#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: JAVA_HOME if it is one, else the java on PATH, else the newest
# under /usr/lib/jvm.
set -u
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p'; }
good() { [ -x "$1/bin/javac" ] && m=$(major "$1") && [ -n "$m" ] && [ "$m" -ge 21 ]; }

[ -n "${JAVA_HOME:-}" ] && good "$JAVA_HOME" && { echo "$JAVA_HOME"; exit 0; }
if java=$(command -v java 2>/dev/null); then
  home=$(dirname "$(dirname "$(readlink -f "$java")")")
  good "$home" && { echo "$home"; exit 0; }
fi
best="" best_major=0
for home in /usr/lib/jvm/* /opt/java/*; do
  if good "$home" && [ "$m" -gt "$best_major" ]; then best=$home best_major=$m; fi
done
[ -n "$best" ] && { echo "$best"; exit 0; }
echo "Ticketing needs a JDK 21 or newer and found none (JAVA_HOME, PATH, /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk" >&2
exit 1
