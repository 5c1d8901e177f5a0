#!/usr/bin/env bash
# The deployment of deploy/ on one machine, to try it out and to test it (docs/deploy.md):
# a throwaway PostgreSQL cluster, redis-server, three Klantreis processes and haproxy with
# deploy/haproxy.cfg in front, all on 127.0.0.1, without root or systemd. Prints the address to
# open; Ctrl-C stops everything and removes what it made (KLANTREIS_KEEP=1 keeps the folder).
#
#   deploy/run-local.sh                       proxy on http://127.0.0.1:8080
#   KLANTREIS_PROXY_PORT=9000 deploy/run-local.sh
#   DATABASE_URL=postgres://… deploy/run-local.sh      an existing PostgreSQL instead of a throwaway one
#   KLANTREIS_REDIS_URL=redis://… deploy/run-local.sh  an existing Redis instead of a throwaway one
#
# Kill one process (kill -9 <pid>, printed below) to watch haproxy take it out and its editors
# move to another; the script leaves it dead until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

die() { echo "run-local: $*" >&2; exit 1; }
say() { echo "run-local: $*"; }

command -v node >/dev/null || die "node is not on PATH (Node 24: npm install --prefix ~/.node24 node@24)"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)' \
  || die "Node $(node --version) cannot run the TypeScript sources; Klantreis needs Node >= 22.18 (24 LTS)"
command -v curl >/dev/null || die "curl is needed for the health checks (apt-get install curl)"
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
[ -x "$HAPROXY" ] || die "haproxy is not installed (apt-get install haproxy)"

RUN_DIR=$(mktemp -d /tmp/klantreis-local-XXXXXX)
chmod 755 "$RUN_DIR"
mkdir -p "$RUN_DIR/data" "$RUN_DIR/logs"
PIDS=()
PG_CTL=""
PG_DATA=""

stop_all() {
  trap - EXIT INT TERM HUP PIPE
  # Output may have nowhere to go (a closed terminal or pipe): what follows must run all the same.
  trap '' PIPE
  { say "stopping"; } 2>/dev/null || true
  # Only what this script started, by pid: the processes first (they hand their journeys over
  # on SIGTERM), then the proxy, Redis and PostgreSQL.
  for pid in "${PIDS[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 100); do
    alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.1
  done
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ -n "$PG_CTL" ]; then as_postgres "$PG_CTL" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [ "${KLANTREIS_KEEP:-}" = 1 ]; then { say "kept $RUN_DIR"; } 2>/dev/null || true; else rm -rf "$RUN_DIR"; fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM
# A closed terminal or output pipe (deploy/run-local.sh | head) stops everything too: bash would
# otherwise die of the signal without its EXIT trap and leave PostgreSQL, Redis and the rest running.
trap 'exit 129' HUP
trap 'exit 141' PIPE

PROXY_PORT=${KLANTREIS_PROXY_PORT:-8080}
[[ "$PROXY_PORT" =~ ^[0-9]+$ ]] && [ "$PROXY_PORT" -ge 1 ] && [ "$PROXY_PORT" -le 65535 ] \
  || die "KLANTREIS_PROXY_PORT must be a port number (1-65535), not '$PROXY_PORT'"
PORT_CHECK=$(node -e 'require("net").createServer().once("error",(e)=>{console.log(e.code);process.exit(0)}).listen(+process.argv[1],"127.0.0.1",function(){this.close()})' "$PROXY_PORT")
case "$PORT_CHECK" in
  "") ;;
  EADDRINUSE) die "port $PROXY_PORT is taken; set KLANTREIS_PROXY_PORT to a free one" ;;
  *) die "cannot listen on port $PROXY_PORT ($PORT_CHECK); set KLANTREIS_PROXY_PORT to another" ;;
esac

# Sets the variable named $1 to a free port from the kernel: never the proxy's, nor one handed out
# before (a port just closed may come again, and a server on the proxy's port would answer in
# haproxy's place).
TAKEN_PORTS=" $PROXY_PORT "
pick_port() {
  local port
  while :; do
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    case "$TAKEN_PORTS" in *" $port "*) continue ;; esac
    TAKEN_PORTS+="$port "
    printf -v "$1" '%s' "$port"
    return
  done
}

# Waits until `curl` gets a 2xx from $1, at most $2 seconds; $3 names what for the message.
wait_http() {
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "$3 did not answer $1 within $2 s (logs in $RUN_DIR/logs)"
    sleep 0.2
  done
}

# PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# --- PostgreSQL: the shared store -------------------------------------------------------------
if [ -z "${DATABASE_URL:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || die "PostgreSQL is not installed (apt-get install postgresql), or set DATABASE_URL"
  PG_CTL=$PG_BIN/pg_ctl
  PG_DATA=$RUN_DIR/postgres
  pick_port PG_PORT
  mkdir -p "$PG_DATA"
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DATA"; fi
  chmod 700 "$PG_DATA"
  say "PostgreSQL: a throwaway cluster in $PG_DATA on port $PG_PORT"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 >"$RUN_DIR/logs/initdb.log" 2>&1 \
    || die "initdb failed: $(cat "$RUN_DIR/logs/initdb.log")"
  touch "$RUN_DIR/logs/postgres.log"
  if [ "$(id -u)" = 0 ]; then chown postgres "$RUN_DIR/logs/postgres.log"; fi
  as_postgres "$PG_CTL" -D "$PG_DATA" -w -t 30 -l "$RUN_DIR/logs/postgres.log" \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1" start >/dev/null \
    || die "PostgreSQL did not start: $(tail -5 "$RUN_DIR/logs/postgres.log")"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres klantreis
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/klantreis"
fi

# --- Redis: messages between the processes ----------------------------------------------------
if [ -z "${KLANTREIS_REDIS_URL:-}" ]; then
  REDIS_SERVER=$(command -v redis-server || echo /usr/bin/redis-server)
  [ -x "$REDIS_SERVER" ] || die "redis-server is not installed (apt-get install redis-server), or set KLANTREIS_REDIS_URL"
  pick_port REDIS_PORT
  # Nothing in Redis needs to survive a restart (docs/deploy.md): no snapshots, no append log.
  "$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$RUN_DIR" \
    >"$RUN_DIR/logs/redis.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null && break
    sleep 0.1
  done
  (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null || die "redis-server did not listen on $REDIS_PORT"
  export KLANTREIS_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  say "Redis: $KLANTREIS_REDIS_URL (pid ${PIDS[-1]})"
fi

# --- The three Klantreis processes ------------------------------------------------------------
export KLANTREIS_PUBLIC_URL="http://127.0.0.1:$PROXY_PORT"
export KLANTREIS_DATA="$RUN_DIR/data"
export KLANTREIS_TRUST_PROXY=127.0.0.1
export KLANTREIS_AUTH_SECRET=${KLANTREIS_AUTH_SECRET:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export KLANTREIS_ADMIN_EMAIL=${KLANTREIS_ADMIN_EMAIL:-admin@klantreis.local}
export KLANTREIS_ADMIN_PASSWORD=${KLANTREIS_ADMIN_PASSWORD:-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export HOST=127.0.0.1
[ -d apps/web/dist ] || say "apps/web/dist is missing: the API and editors work, for the web app run 'npm run build' first"

declare -A NODE_PORT NODE_PID
start_node() {
  local name=$1
  pick_port "NODE_PORT[$name]"
  PORT=${NODE_PORT[$name]} KLANTREIS_NODE_NAME=$name KLANTREIS_INTERNAL_URL="http://127.0.0.1:${NODE_PORT[$name]}" \
    node "$ROOT/apps/server/src/main.ts" >"$RUN_DIR/logs/klantreis-$name.log" 2>&1 &
  NODE_PID[$name]=$!
  PIDS+=($!)
}
# The first process alone: it runs the migrations and makes the owner account; then the others.
start_node a
wait_http "http://127.0.0.1:${NODE_PORT[a]}/api/health" 60 "process a"
start_node b
start_node c
wait_http "http://127.0.0.1:${NODE_PORT[b]}/api/health" 60 "process b"
wait_http "http://127.0.0.1:${NODE_PORT[c]}/api/health" 60 "process c"

# --- haproxy in front, with deploy/haproxy.cfg as deployed ------------------------------------
export KLANTREIS_PROXY_BIND="127.0.0.1:$PROXY_PORT"
export KLANTREIS_PROXY_HOST="127.0.0.1:$PROXY_PORT"
export KLANTREIS_PROXY_STATS_SOCKET="$RUN_DIR/haproxy.sock"
export KLANTREIS_NODE_A="127.0.0.1:${NODE_PORT[a]}" KLANTREIS_NODE_B="127.0.0.1:${NODE_PORT[b]}" KLANTREIS_NODE_C="127.0.0.1:${NODE_PORT[c]}"
"$HAPROXY" -c -q -f deploy/haproxy.cfg || die "deploy/haproxy.cfg is not valid"
# -dR: no SO_REUSEPORT, so that haproxy cannot share its port with another listener unnoticed.
"$HAPROXY" -db -dR -f deploy/haproxy.cfg >"$RUN_DIR/logs/haproxy.log" 2>&1 &
PIDS+=($!)
HAPROXY_PID=$!
# haproxy answers on its admin socket only once every listener is bound, and exits when one
# cannot be: a listener that took the port since the check above stops it here. The pid it gives
# is this haproxy's, not another's left on the same socket path.
haproxy_pid() {
  node -e 'const c=require("net").connect(process.argv[1]);let o="";c.on("data",(d)=>(o+=d));c.on("close",()=>console.log(/^Pid: (\d+)/m.exec(o)?.[1]??""));c.on("error",()=>{});c.end("show info\n")' "$KLANTREIS_PROXY_STATS_SOCKET"
}
for _ in $(seq 1 100); do
  kill -0 "$HAPROXY_PID" 2>/dev/null || break
  [ "$(haproxy_pid)" = "$HAPROXY_PID" ] && break
  sleep 0.1
done
if ! kill -0 "$HAPROXY_PID" 2>/dev/null; then
  grep -q 'Address already in use' "$RUN_DIR/logs/haproxy.log" && die "port $PROXY_PORT is taken; set KLANTREIS_PROXY_PORT to a free one"
  die "haproxy has ended: $(tail -5 "$RUN_DIR/logs/haproxy.log")"
fi
[ "$(haproxy_pid)" = "$HAPROXY_PID" ] || die "haproxy did not answer on $KLANTREIS_PROXY_STATS_SOCKET: $(tail -5 "$RUN_DIR/logs/haproxy.log")"
wait_http "$KLANTREIS_PUBLIC_URL/api/health" 15 "haproxy"
# The answer must be haproxy's: it names the process (any answer, a 503 too, carries the header).
# The headers are read whole first: `curl | grep -q` fails under pipefail when grep stops reading early.
HEALTH_HEADERS=$(curl -sS -D - -o /dev/null --max-time 2 "$KLANTREIS_PUBLIC_URL/api/health" || true)
grep -qi '^x-klantreis-process:' <<<"$HEALTH_HEADERS" \
  || die "port $PROXY_PORT is taken by another server, not haproxy; set KLANTREIS_PROXY_PORT to a free one"

cat <<EOF

  Klantreis runs on three processes behind haproxy:  $KLANTREIS_PUBLIC_URL
  sign in as $KLANTREIS_ADMIN_EMAIL with password $KLANTREIS_ADMIN_PASSWORD

  process a  http://127.0.0.1:${NODE_PORT[a]}  pid ${NODE_PID[a]}
  process b  http://127.0.0.1:${NODE_PORT[b]}  pid ${NODE_PID[b]}
  process c  http://127.0.0.1:${NODE_PORT[c]}  pid ${NODE_PID[c]}
  haproxy    pid $HAPROXY_PID, admin socket $KLANTREIS_PROXY_STATS_SOCKET (echo 'show stat' | socat stdio <socket>)
  PostgreSQL $DATABASE_URL
  Redis      $KLANTREIS_REDIS_URL
  logs       $RUN_DIR/logs/

  Ctrl-C stops everything.
EOF

# Reports a process that ends (killed to try a failover, or crashed) once, and goes on.
declare -A REPORTED
while true; do
  for name in a b c; do
    pid=${NODE_PID[$name]}
    if [ -z "${REPORTED[$name]:-}" ] && ! kill -0 "$pid" 2>/dev/null; then
      REPORTED[$name]=1
      say "process $name (pid $pid) has ended; see $RUN_DIR/logs/klantreis-$name.log"
    fi
  done
  kill -0 "$HAPROXY_PID" 2>/dev/null || die "haproxy has ended: $(tail -5 "$RUN_DIR/logs/haproxy.log")"
  sleep 1
done
