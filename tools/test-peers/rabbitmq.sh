#!/usr/bin/env bash
# Private RabbitMQ brokers with the MQTT plugin for the second-broker runs, on 127.0.0.1 only
# (Debian package 'rabbitmq-server'; not part of tools/test.sh, see tools/brokers/README.md).
#   rabbitmq.sh start [NODES]   starts NODES nodes (default 1) clustered together, each with its own
#                               MQTT listener; prints "DIR MQTT_PORT [MQTT_PORT...]"
#   rabbitmq.sh stop DIR        stops every node started in DIR and removes it
# Each node: name wbxN-<port>@localhost, AMQP, Erlang distribution and MQTT on loopback ports,
# anonymous MQTT as guest (RabbitMQ lets guest in from loopback only), plugin rabbitmq_mqtt.
set -euo pipefail

BIN=/usr/lib/rabbitmq/bin
[ -x "$BIN/rabbitmq-server" ] || { echo "rabbitmq.sh: rabbitmq-server is not installed (Debian package 'rabbitmq-server')" >&2; exit 1; }
# epmd and the Erlang distribution listen on loopback too.
export ERL_EPMD_ADDRESS=127.0.0.1
# Tuned for a fleet on a small shared machine (the 10,000-device run, tools/brokers/README.md):
# Erlang schedulers that go idle sleep instead of spinning (+sbwt none ...): spinning schedulers of
# two nodes would take the cores the simulated devices and the other node need.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none"
# One file descriptor per MQTT connection: 5,000 devices on a node need more than a shell's usual 1,024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
EPMD=$(ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | head -1)

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Below the kernel's ephemeral range: a 10,000-device fleet holds thousands of client ports there,
# and a node whose listener port one of them took does not start (eaddrinuse).
free_port() {
  local port low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for _ in $(seq 1 200); do
    port=$((10000 + RANDOM % (low - 10000)))
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  echo "rabbitmq.sh: no free port found" >&2
  return 1
}

# node_env DIR N: the environment of node N in DIR (its files, name and ports).
node_env() {
  local dir=$1 n=$2
  local node="$dir/node$n"
  export HOME="$dir" RABBITMQ_HOME=/usr/lib/rabbitmq
  export RABBITMQ_NODENAME="wbx$n-$(basename "$dir" | tr -cd 'a-zA-Z0-9')@localhost"
  export RABBITMQ_CONFIG_FILE="$node/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$node/mnesia" RABBITMQ_LOG_BASE="$node/log" RABBITMQ_PID_FILE="$node/pid"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$(cat "$node/amqp_port")" RABBITMQ_DIST_PORT="$(cat "$node/dist_port")"
  export RABBITMQ_CTL_DIST_PORT_MIN="$(cat "$node/ctl_port")" RABBITMQ_CTL_DIST_PORT_MAX="$(( $(cat "$node/ctl_port") + 10 ))"
}

start_node() {
  local dir=$1 n=$2 node="$1/node$2" mqtt
  mkdir -p "$node/mnesia" "$node/log"
  free_port > "$node/amqp_port"; free_port > "$node/dist_port"; free_port > "$node/ctl_port"
  mqtt=$(free_port); echo "$mqtt" > "$node/mqtt_port"
  cat > "$node/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$(cat "$node/amqp_port")
mqtt.listeners.tcp.default = 127.0.0.1:$mqtt
mqtt.allow_anonymous = true
mqtt.default_user = guest
mqtt.default_pass = guest
mqtt.vhost = /
mqtt.exchange = amq.topic
# A fleet connects in bursts; the default accept backlog (128) refuses connects a burst overflows.
mqtt.tcp_listen_options.backlog = 4096
# QoS 1 messages a subscriber may hold unacknowledged (default 10): the deployer receives one
# result per device, and at 10 in flight a 10,000-device deploy waited on round trips to wbx
# (3.5 results/s, thousands queued in the broker) rather than on the devices.
mqtt.prefetch = 1000
log.file.level = warning
log.console = false
CONF
  ( node_env "$dir" "$n"; exec "$BIN/rabbitmq-server" > "$node/log/stdout" 2>&1 ) &
  ( node_env "$dir" "$n"; "$BIN/rabbitmqctl" wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null 2>&1 ) \
    || { echo "rabbitmq.sh: node $n did not start; see $node/log" >&2; return 1; }
}

start() {
  local nodes=${1:-1} dir n first
  dir=$(mktemp -d "${TMPDIR:-/tmp}/wbx-rabbitmq.XXXXXX")
  echo '[rabbitmq_mqtt].' > "$dir/enabled_plugins"
  head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/.erlang.cookie"
  chmod 400 "$dir/.erlang.cookie"
  for n in $(seq 1 "$nodes"); do
    start_node "$dir" "$n" || { stop "$dir"; return 1; }
  done
  first=$(node_env "$dir" 1; echo "$RABBITMQ_NODENAME")
  for n in $(seq 2 "$nodes"); do
    ( node_env "$dir" "$n"
      "$BIN/rabbitmqctl" stop_app >/dev/null
      "$BIN/rabbitmqctl" join_cluster "$first" >/dev/null
      "$BIN/rabbitmqctl" start_app >/dev/null ) || { echo "rabbitmq.sh: node $n could not join $first" >&2; stop "$dir"; return 1; }
  done
  for n in $(seq 1 "$nodes"); do
    local port; port=$(cat "$dir/node$n/mqtt_port")
    for _ in $(seq 1 200); do port_in_use "$port" && break; sleep 0.1; done
  done
  printf '%s' "$dir"
  for n in $(seq 1 "$nodes"); do printf ' %s' "$(cat "$dir/node$n/mqtt_port")"; done
  echo
}

stop() {
  local dir=$1 node n
  [ -d "$dir" ] || return 0
  for node in "$dir"/node*; do
    [ -f "$node/pid" ] || continue
    n=${node##*node}
    ( node_env "$dir" "$n"; "$BIN/rabbitmqctl" stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 ) || kill "$(cat "$node/pid")" 2>/dev/null || true
  done
  rm -rf "$dir"
  # The epmd our first node started goes once no node is registered with it.
  if [ -n "$EPMD" ] && ! "$EPMD" -names 2>/dev/null | grep -q '^name '; then
    "$EPMD" -kill >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
  *) echo "usage: $0 start [NODES] | stop DIR" >&2; exit 2 ;;
esac
