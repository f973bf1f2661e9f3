#!/usr/bin/env bash
# Keep one process running: start it again whenever it dies, until this script is stopped (TERM or INT), which
# stops the process too. scripts/up.sh runs the worker and the lost-work sweeper (celery beat) under it.
#
#   scripts/supervise.sh NAME COMMAND [ARGS...]
set -uo pipefail
name="$1"
shift
child=""
stop() {
  [ -n "$child" ] && kill "$child" 2>/dev/null && wait "$child" 2>/dev/null
  exit 0
}
trap stop TERM INT
while true; do
  "$@" &
  child=$!
  wait "$child"
  printf '[supervise] %s exited with status %s; starting it again\n' "$name" "$?" >&2
  sleep 1
done
