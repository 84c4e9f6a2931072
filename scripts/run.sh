#!/usr/bin/env bash
# Starts the whole system and watches over it until Ctrl-C or SIGTERM, which stop everything it started.
# The Temporal dev server, FerretDB and Mailpit keep their data under .data/, so a second run finds the first's.
# TEMPORAL_ADDRESS / MONGODB_URI / MAIL_HOST pointing elsewhere are used instead of starting our own.
set -uo pipefail
cd "$(dirname "$0")/.."

DATA=$PWD/.data
LOGS=$DATA/logs
BIN=$PWD/.tools/bin
API_PORT=${PORT:-8080}
API_MANAGEMENT_PORT=${MANAGEMENT_PORT:-9080}
WORKERS_PORT=${WORKERS_PORT:-8081}
TEMPORAL_PORT=7233
UI_PORT=8233
MONGO_PORT=27017
SMTP_PORT=1025
MAIL_UI_PORT=8025
JAVA=$(scripts/jdk.sh)/bin/java || exit 1
mkdir -p "$LOGS" "$DATA/ferretdb"

declare -A pid command log
order=()

say() { printf '%s\n' "$*"; }

# The API and the workers first, and only then what they use: a worker draining its activities still
# reports to Temporal and writes to FerretDB. Each gets 30 s before it is killed. A second Ctrl-C
# while stopping changes nothing: stopping is already under way, and ends.
stop_all() {
  trap - EXIT
  trap '' INT TERM PIPE # our output's reader may be gone already (Ctrl-C reaches it too)
  [ ${#order[@]} -eq 0 ] && return
  say "Stopping..."
  stop api workers
  stop mailpit ferretdb temporal
  say "Stopped."
}

stop() { # names, stopped together
  local name
  for name in "$@"; do [ -n "${pid[$name]:-}" ] && kill -TERM "${pid[$name]}" 2>/dev/null; done
  for name in "$@"; do
    [ -n "${pid[$name]:-}" ] || continue
    for _ in $(seq 1 300); do kill -0 "${pid[$name]}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "${pid[$name]}" 2>/dev/null
  done
}
trap stop_all EXIT
trap 'exit 0' INT TERM

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

need_port() { # port, what needs it, how to avoid it
  if port_taken "$1"; then
    say "Port $1 is already in use, and $2 needs it. Stop whatever listens there ($3)."
    exit 1
  fi
}

start() { # name, log file, command...
  local name=$1 file=$2
  shift 2
  command[$name]=$(printf '%q ' "$@")
  log[$name]=$file
  "$@" >>"$file" 2>&1 &
  pid[$name]=$!
  [[ " ${order[*]} " == *" $name "* ]] || order+=("$name")
}

# Go programs take Ctrl-C back (signal.Notify undoes the SIGINT a background job ignores), so Temporal,
# FerretDB and Mailpit run in a session of their own: the terminal's Ctrl-C reaches only this script
# and the JVMs (which ignore it), and stop_all stops each in its turn. setsid execs the program, so
# its pid is the one started.
own_session=()
command -v setsid >/dev/null && own_session=(setsid)

wait_until() { # name, seconds, check command...
  local name=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    "$@" >/dev/null 2>&1 && return 0
    if ! kill -0 "${pid[$name]}" 2>/dev/null; then
      say "$name exited while starting; the end of ${log[$name]}:"
      tail -n 20 "${log[$name]}"
      exit 1
    fi
    sleep 0.2
  done
  say "$name was not ready after ${seconds}s; see ${log[$name]}"
  exit 1
}

healthy() { curl -fsS "http://127.0.0.1:$1/actuator/health/readiness"; }
mail_ready() { curl -fsS "http://127.0.0.1:$MAIL_UI_PORT/readyz" && port_taken $SMTP_PORT; }

# A local session key kept with the data, so sessions outlive a restart as the users do.
if [ -z "${JWT_KEY:-}" ]; then
  [ -s "$DATA/jwt-key" ] || (umask 077 && head -c 48 /dev/urandom | base64 >"$DATA/jwt-key")
  JWT_KEY=$(cat "$DATA/jwt-key")
  export JWT_KEY
fi

ui="(the Web UI of your Temporal at ${TEMPORAL_ADDRESS:-})"
SEARCH_ATTRIBUTES=(OrderStatus=Keyword TicketId=Keyword BuyerId=Keyword PayoutStatus=Keyword SellerId=Keyword)
has_search_attributes() {
  local listed attribute
  listed=$("$BIN/temporal" operator search-attribute list --address "$TEMPORAL_ADDRESS") || return 1
  for attribute in "${SEARCH_ATTRIBUTES[@]%=*}"; do grep -qw "$attribute" <<<"$listed" || return 1; done
}
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  ui=http://localhost:$UI_PORT
  need_port $TEMPORAL_PORT "the Temporal dev server" "or set TEMPORAL_ADDRESS to a running Temporal"
  need_port $UI_PORT "the Temporal Web UI" "or set TEMPORAL_ADDRESS to a running Temporal"
  # The same tuning as the tests' (TemporalDevServer.TUNING says why).
  start temporal "$LOGS/temporal.log" "${own_session[@]}" "$BIN/temporal" server start-dev \
    --db-filename "$DATA/temporal.db" --ip 127.0.0.1 --port $TEMPORAL_PORT --ui-port $UI_PORT \
    --log-level warn \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal \
    --dynamic-config-value system.enableActivityEagerExecution=true \
    --dynamic-config-value history.transferProcessorMaxPollRPS=1000 \
    "${SEARCH_ATTRIBUTES[@]/#/--search-attribute=}"
  export TEMPORAL_ADDRESS=127.0.0.1:$TEMPORAL_PORT
  say "Starting the Temporal dev server..."
  wait_until temporal 60 "$BIN/temporal" operator cluster health --address "$TEMPORAL_ADDRESS"
  # start-dev registers them only as it creates the namespace: a .data/temporal.db of an earlier version
  # lacks those added since, and a workflow that sets one (SellerId, on a payout) would fail its tasks.
  for attribute in "${SEARCH_ATTRIBUTES[@]%=*}"; do
    "$BIN/temporal" operator search-attribute create --name "$attribute" --type Keyword \
      --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 # refused when it is there already
  done
  wait_until temporal 60 has_search_attributes
fi

if [ -z "${MONGODB_URI:-}" ]; then
  need_port $MONGO_PORT "FerretDB" "or set MONGODB_URI to a running MongoDB"
  start ferretdb "$LOGS/ferretdb.log" "${own_session[@]}" "$BIN/ferretdb" --handler=sqlite --sqlite-url="file:$DATA/ferretdb/?_pragma=synchronous(normal)" \
    --state-dir="$DATA/ferretdb" --listen-addr=127.0.0.1:$MONGO_PORT --debug-addr=- --telemetry=disable --log-level=warn \
    --test-capped-cleanup-interval=1s # trims the event feeds every second, not every minute (EventLog.java)
  export MONGODB_URI=mongodb://127.0.0.1:$MONGO_PORT
  say "Starting FerretDB..."
  wait_until ferretdb 20 port_taken $MONGO_PORT
fi

mail_ui="(the web UI of your mail server at ${MAIL_HOST:-})"
if [ -z "${MAIL_HOST:-}" ]; then
  mail_ui="http://localhost:$MAIL_UI_PORT  (Mailpit; SMTP on 127.0.0.1:$SMTP_PORT)"
  need_port $SMTP_PORT "Mailpit's SMTP server" "or set MAIL_HOST and MAIL_PORT to a running SMTP server"
  need_port $MAIL_UI_PORT "Mailpit's web UI" "or set MAIL_HOST and MAIL_PORT to a running SMTP server"
  # No SMTP authentication locally; nothing looked up on the internet (version checks, reverse DNS).
  # An email sent again after a crash carries its first Message-ID, and Mailpit keeps one, as
  # mail clients show one.
  start mailpit "$LOGS/mailpit.log" "${own_session[@]}" "$BIN/mailpit" --database "$DATA/mailpit.db" \
    --smtp 127.0.0.1:$SMTP_PORT --listen 127.0.0.1:$MAIL_UI_PORT --disable-version-check --smtp-disable-rdns \
    --ignore-duplicate-ids --max=0 # keeps every email (Mailpit deletes all but the latest 500 otherwise)
  export MAIL_HOST=127.0.0.1 MAIL_PORT=$SMTP_PORT
  say "Starting Mailpit..."
  wait_until mailpit 20 mail_ready
fi

need_port "$WORKERS_PORT" "the workers" "or set WORKERS_PORT"
need_port "$API_PORT" "the API" "or set PORT"
need_port "$API_MANAGEMENT_PORT" "the API's health and metrics" "or set MANAGEMENT_PORT"
# The heap the bench measured enough for each, at 100,000 tickets and through its rush and storm
# (bench/README.md); the bench starts them with these flags too (bench/…/JavaService.java).
# A JVM out of memory exits, and is started again below, rather than running on broken (as the images').
JVM=(-XX:+UseSerialGC -Xss512k -Xmx160m -XX:+ExitOnOutOfMemoryError)
# One C2 compilation of a large method (Spring Data's mapping, BSON codecs, Temporal's state machines, all
# inlined into one) took up to 47 MiB of native memory for a moment, and the peak RSS kept it. Capped at
# 12 MiB, the ~1 % of compilations that would take more stop, and their methods run C1's code instead;
# the bench measured ~15 MiB less per JVM and nothing slower (bench/README.md). JDK 22 and newer.
COMPILE_MEMORY=(-XX:CompileCommand=quiet '-XX:CompileCommand=MemLimit,*.*,12m')
"$JAVA" "${COMPILE_MEMORY[@]}" -version 2>&1 | grep -q 'error occurred' || JVM+=("${COMPILE_MEMORY[@]}")
# Where emails and Stripe's onboarding send people back to: this web client.
export PUBLIC_URL=${PUBLIC_URL:-http://localhost:$API_PORT}
say "Starting the workers and the API..."
start workers "$LOGS/workers.log" env PORT="$WORKERS_PORT" MANAGEMENT_PORT="$WORKERS_PORT" \
  "$JAVA" "${JVM[@]}" -jar workers/target/app/ticketing-workers.jar
start api "$LOGS/api.log" env PORT="$API_PORT" MANAGEMENT_PORT="$API_MANAGEMENT_PORT" \
  "$JAVA" "${JVM[@]}" -jar api/target/app/ticketing-api.jar
wait_until workers 90 healthy "$WORKERS_PORT"
wait_until api 90 healthy "$API_MANAGEMENT_PORT"

cat <<EOF

Ticketing is running.
  Web client and API  http://localhost:$API_PORT
  API health, metrics http://localhost:$API_MANAGEMENT_PORT/actuator/health, /actuator/prometheus
  Temporal Web UI     $ui
  Mail UI             $mail_ui
  Workers health      http://localhost:$WORKERS_PORT/actuator/health
  Logs                $LOGS/{$(IFS=,; echo "${order[*]}")}.log
Press Ctrl-C to stop everything.

EOF

# Supervise: a process that dies is reported and started again. Looked at every second, not by `wait -n`,
# which misses a child killed by a signal (the OOM killer's, kill -9) once bash has reaped it elsewhere.
while true; do
  sleep 1 &
  wait $! # returns at once for Ctrl-C, as a foreground sleep would not
  for name in "${order[@]}"; do
    if ! kill -0 "${pid[$name]}" 2>/dev/null; then
      say "$(date +%T) $name stopped unexpectedly (see ${log[$name]}); starting it again"
      eval "start $name \"\${log[\$name]}\" ${command[$name]}"
    fi
  done
done
