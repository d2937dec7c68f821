#!/usr/bin/env bash
# A private mosquitto broker for tests: anonymous, no persistence, listening on 127.0.0.1 only.
#   mosquitto.sh start [PORT]   starts one (on a free port unless PORT is given) and prints its port
#   mosquitto.sh stop PORT      stops the broker started on PORT and removes its temp dir
# The broker's files (config, pid, log) live in ${TMPDIR:-/tmp}/wbx-mosquitto.PORT, so a broker
# can be stopped and started again on the same port (the reconnect tests need that).
set -euo pipefail

state_dir() { echo "${TMPDIR:-/tmp}/wbx-mosquitto.$1"; }

find_mosquitto() {
  command -v mosquitto 2>/dev/null && return 0
  [ -x /usr/sbin/mosquitto ] && { echo /usr/sbin/mosquitto; return 0; }
  echo "mosquitto.sh: mosquitto is not installed (Debian package 'mosquitto')" >&2
  return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  # Ephemeral-range ports picked at random; one that nothing answers on and no other broker
  # of ours has claimed (its state dir) is taken.
  local port tries
  for tries in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! port_in_use "$port" && mkdir "$(state_dir "$port")" 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "mosquitto.sh: no free port found" >&2
  return 1
}

start() {
  local binary port dir
  binary=$(find_mosquitto)
  if [ $# -ge 1 ]; then
    port=$1
    mkdir -p "$(state_dir "$port")"
  else
    port=$(free_port)
  fi
  dir=$(state_dir "$port")
  cat > "$dir/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence false
pid_file $dir/mosquitto.pid
log_dest file $dir/mosquitto.log
log_type error
log_type warning
log_type notice
CONF
  # Run as root, mosquitto would otherwise switch to the 'mosquitto' user and lose the temp dir.
  [ "$(id -u)" = 0 ] && echo "user root" >> "$dir/mosquitto.conf"
  "$binary" -c "$dir/mosquitto.conf" -d
  local i
  for i in $(seq 1 100); do
    port_in_use "$port" && { echo "$port"; return 0; }
    sleep 0.05
  done
  echo "mosquitto.sh: broker did not start on port $port; log:" >&2
  cat "$dir/mosquitto.log" >&2 2>/dev/null || true
  stop "$port"
  return 1
}

# Running and not a zombie: a daemon's zombie lingers until PID 1 reaps it, which can take seconds.
alive() {
  if [ -r "/proc/$1/stat" ]; then
    [ "$(cut -d' ' -f3 "/proc/$1/stat")" != Z ]
  else
    kill -0 "$1" 2>/dev/null
  fi
}

stop() {
  local dir pid i
  dir=$(state_dir "$1")
  if [ -f "$dir/mosquitto.pid" ]; then
    pid=$(cat "$dir/mosquitto.pid")
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
      alive "$pid" || break
      sleep 0.02
    done
    alive "$pid" && kill -9 "$pid" 2>/dev/null
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) [ $# -eq 2 ] || { echo "usage: $0 stop PORT" >&2; exit 2; }; stop "$2" ;;
  *) echo "usage: $0 start [PORT] | stop PORT" >&2; exit 2 ;;
esac
