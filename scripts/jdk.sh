#!/usr/bin/env bash
# Prints a JAVA_HOME whose JDK is 21 or newer: JAVA_HOME itself, the java on PATH, or one under /usr/lib/jvm.
set -u
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p'; }
candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
java_on_path=$(command -v java 2>/dev/null) && candidates+=("$(dirname "$(dirname "$(readlink -f "$java_on_path")")")")
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -x "$d/bin/javac" ] && candidates+=("$d"); done
best="" best_major=0
for home in "${candidates[@]}"; do
  [ -x "$home/bin/javac" ] || continue
  m=$(major "$home"); [ -n "$m" ] || continue
  if [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best=$home best_major=$m; fi
done
if [ -z "$best" ]; then
  echo "No JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk" >&2
  exit 1
fi
echo "$best"
