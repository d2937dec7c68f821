#!/usr/bin/env bash
# A private mosquitto broker for tests: no persistence, listening on 127.0.0.1 only.
#   mosquitto.sh start [PORT]   starts an anonymous one (on a free port unless PORT is given) and prints its port
#   mosquitto.sh start-secure   starts one that wants credentials and applies tools/brokers/mosquitto/fleet.acl,
#                               with three listeners: plain (password), TLS (password) and TLS with
#                               client certificates (the certificate's CN is the user); prints
#                               "PORT TLS_PORT MTLS_PORT DIR". DIR holds what the test made with openssl
#                               and mosquitto_passwd: ca.pem (signed the broker's certificate, which names
#                               127.0.0.1 and localhost), other-ca.pem (a CA that signed nothing here),
#                               deployer.pem/deployer.key (a client certificate, CN=deployer) and passwd
#                               (users deployer, auditor, monitor, board-a, board-b, board-c; the password
#                               of each is "pw-" and its name).
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

SECURE_USERS="deployer auditor monitor board-a board-b board-c"

# Any free port other than the ones given (for the extra listeners of a secure broker).
other_free_port() {
  local port tries
  for tries in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! port_in_use "$port" && [[ " $* " != *" $port "* ]] && [ ! -e "$(state_dir "$port")" ]; then
      echo "$port"
      return 0
    fi
  done
  echo "mosquitto.sh: no free port found" >&2
  return 1
}

# A CA, a server certificate for 127.0.0.1/localhost signed by it, a client certificate, an unrelated CA.
make_certificates() {
  local dir=$1 name
  command -v openssl >/dev/null || { echo "mosquitto.sh: openssl is not installed (Debian package 'openssl')" >&2; return 1; }
  for name in ca other-ca; do
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=wbx test $name" \
      -keyout "$dir/$name.key" -out "$dir/$name.pem" 2>/dev/null
  done
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
    -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$dir/server.ext"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
    -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=deployer" \
    -keyout "$dir/deployer.key" -out "$dir/deployer.csr" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' > "$dir/client.ext"
  openssl x509 -req -in "$dir/deployer.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
    -extfile "$dir/client.ext" -out "$dir/deployer.pem" 2>/dev/null
  [ -s "$dir/server.pem" ] && [ -s "$dir/deployer.pem" ] || { echo "mosquitto.sh: openssl could not make the test certificates" >&2; return 1; }
}

make_password_file() {
  local dir=$1 user passwd
  passwd=$(command -v mosquitto_passwd || echo /usr/bin/mosquitto_passwd)
  [ -x "$passwd" ] || { echo "mosquitto.sh: mosquitto_passwd is not installed (Debian package 'mosquitto')" >&2; return 1; }
  : > "$dir/passwd"
  for user in $SECURE_USERS; do
    "$passwd" -b "$dir/passwd" "$user" "pw-$user" >/dev/null
  done
}

start_secure() {
  local port tls mtls dir acl
  acl="$(cd "$(dirname "$0")/.." && pwd)/brokers/mosquitto/fleet.acl"
  [ -f "$acl" ] || { echo "mosquitto.sh: $acl is missing" >&2; return 1; }
  port=$(free_port)
  tls=$(other_free_port "$port")
  mtls=$(other_free_port "$port" "$tls")
  dir=$(state_dir "$port")
  make_certificates "$dir" && make_password_file "$dir" || { rm -rf "$dir"; return 1; }
  cat > "$dir/listeners.conf" <<CONF
per_listener_settings false
allow_anonymous false
password_file $dir/passwd
acl_file $acl
listener $port 127.0.0.1
listener $tls 127.0.0.1
cafile $dir/ca.pem
certfile $dir/server.pem
keyfile $dir/server.key
listener $mtls 127.0.0.1
cafile $dir/ca.pem
certfile $dir/server.pem
keyfile $dir/server.key
require_certificate true
use_identity_as_username true
CONF
  start "$port" "$dir/listeners.conf" >/dev/null || return 1
  local i
  for i in $(seq 1 100); do
    port_in_use "$tls" && port_in_use "$mtls" && { echo "$port $tls $mtls $dir"; return 0; }
    sleep 0.05
  done
  echo "mosquitto.sh: the TLS listeners did not open" >&2
  stop "$port"
  return 1
}

# start [PORT [LISTENERS_FILE]]: without a listeners file, one anonymous listener on PORT.
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
  if [ $# -ge 2 ]; then
    cat "$2" > "$dir/mosquitto.conf"
  else
    printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" > "$dir/mosquitto.conf"
  fi
  # A deployer's results from a 10,000-board fleet arrive together: queue them rather than drop
  # beyond mosquitto's default of 1000 (tools/brokers/README.md).
  cat >> "$dir/mosquitto.conf" <<CONF
max_queued_messages 20000
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
  start-secure) start_secure ;;
  stop) [ $# -eq 2 ] || { echo "usage: $0 stop PORT" >&2; exit 2; }; stop "$2" ;;
  *) echo "usage: $0 start [PORT] | start-secure | stop PORT" >&2; exit 2 ;;
esac
