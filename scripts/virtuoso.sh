#!/usr/bin/env bash
# A private Virtuoso instance for tests and demos, on free loopback ports.
#
#   scripts/virtuoso.sh start DIR   write DIR/virtuoso.ini, start virtuoso-t, wait until
#                                   /sparql answers (90 s at most), write DIR/env
#   scripts/virtuoso.sh stop DIR    SIGTERM the instance started in DIR and wait for it
#
# DIR/env holds VIRTUOSO_HTTP_PORT, VIRTUOSO_SQL_PORT, VIRTUOSO_PID and VIRTUOSO_URL
# (http://127.0.0.1:PORT); source it. A fresh database has the login dba/dba. The Graph
# Store endpoint that accepts writes is $VIRTUOSO_URL/sparql-graph-crud-auth (digest).
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

# A free TCP port on 127.0.0.1: bind port 0 and read what the kernel chose.
free_port() {
  /usr/bin/python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

write_ini() {
  local d=$1 sqlp=$2 httpp=$3
  cat > "$d/virtuoso.ini" <<INI
[Database]
DatabaseFile=$d/virtuoso.db
ErrorLogFile=$d/virtuoso.log
LockFile=$d/virtuoso.lck
TransactionFile=$d/virtuoso.trx
xa_persistent_file=$d/virtuoso.pxa
ErrorLogLevel=7
FileExtend=200
MaxCheckpointRemap=2000
Striping=0
TempStorage=TempDatabase
[TempDatabase]
DatabaseFile=$d/virtuoso-temp.db
TransactionFile=$d/virtuoso-temp.trx
MaxCheckpointRemap=2000
Striping=0
[Parameters]
ServerPort=127.0.0.1:$sqlp
DisableUnixSocket=1
DisableTcpSocket=0
MaxClientConnections=10
CheckpointInterval=60
CaseMode=2
DirsAllowed=., $d, /usr/share/virtuoso-opensource-7/vad
VADInstallDir=/usr/share/virtuoso-opensource-7/vad/
NumberOfBuffers=20000
MaxDirtyBuffers=15000
ThreadsPerQuery=2
MaxQueryMem=500M
[HTTPServer]
ServerPort=127.0.0.1:$httpp
ServerRoot=/var/lib/virtuoso-opensource-7/vsp
MaxClientConnections=10
ServerThreads=10
Charset=UTF-8
EnabledGzipContent=0
[SPARQL]
ResultSetMaxRows=100000
MaxQueryCostEstimationTime=400
MaxQueryExecutionTime=60
DefaultGraph=http://example.org/kg/
[Plugins]
LoadPath=/usr/lib/x86_64-linux-gnu/virtuoso-opensource-7/hosting
INI
}

# Poll /sparql until it answers 200; fail when the server dies or after 90 s.
wait_ready() {
  local d=$1 httpp=$2 pid=$3 deadline=$((SECONDS + 90)) code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
      "http://127.0.0.1:$httpp/sparql?query=ASK%7B%7D" || true)
    [ "$code" = 200 ] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "virtuoso.sh: virtuoso-t exited; see $d/virtuoso.log and $d/stdout.log" >&2
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "virtuoso.sh: not ready after 90 s; see $d/virtuoso.log" >&2
      kill -TERM "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.2
  done
}

start() {
  local d
  command -v virtuoso-t >/dev/null || { echo "virtuoso.sh: virtuoso-t not installed (apt-get install virtuoso-opensource)" >&2; exit 1; }
  mkdir -p "$1"
  d=$(cd "$1" && pwd)
  if [ -f "$d/env" ]; then
    echo "virtuoso.sh: $d/env exists; stop that instance first" >&2
    exit 1
  fi
  local sqlp httpp pid
  sqlp=$(free_port)
  httpp=$(free_port)
  while [ "$httpp" = "$sqlp" ]; do httpp=$(free_port); done
  write_ini "$d" "$sqlp" "$httpp"
  (cd "$d" && exec virtuoso-t +foreground +configfile "$d/virtuoso.ini" > "$d/stdout.log" 2>&1) &
  pid=$!
  wait_ready "$d" "$httpp" "$pid"
  cat > "$d/env" <<ENV
VIRTUOSO_HTTP_PORT=$httpp
VIRTUOSO_SQL_PORT=$sqlp
VIRTUOSO_PID=$pid
VIRTUOSO_URL=http://127.0.0.1:$httpp
ENV
  echo "virtuoso.sh: ready at http://127.0.0.1:$httpp (pid $pid)"
}

# Running: the process exists and is not a zombie (an orphan is not always reaped at once).
running() {
  kill -0 "$1" 2>/dev/null && [ "$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null)" != Z ]
}

stop() {
  local d=$1 pid
  [ -f "$d/env" ] || { echo "virtuoso.sh: no $d/env; nothing to stop" >&2; return 0; }
  pid=$(sed -n 's/^VIRTUOSO_PID=//p' "$d/env")
  if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 300); do
      running "$pid" || break
      sleep 0.1
    done
    if running "$pid"; then
      echo "virtuoso.sh: pid $pid still running after 30 s; sending KILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$d/env"
}

[ $# -eq 2 ] || usage
case "$1" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  *) usage ;;
esac
