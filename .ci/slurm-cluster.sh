#!/usr/bin/env bash
# A single-node Slurm cluster for the scale-out tests (docs/scale-out.md): munged, slurmctld and slurmd as root,
# everything (config, munge key, state, spool, logs, pid files) under one temporary folder.
#
#   eval "$(.ci/slurm-cluster.sh start)"   # prints the exports: SLURM_CONF, NUMM_SLURM_DIR, NUMM_SLURM_CLUSTER
#   .ci/slurm-cluster.sh stop "$NUMM_SLURM_DIR"   # stops the daemons by PID and removes the folder
#
# Needs the Debian packages slurm-wlm and munge (installed when missing; root only).
set -euo pipefail

log() { echo "slurm-cluster: $*" >&2; }

start() {
  if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    [ "$(id -u)" = 0 ] || { log "slurm-wlm and munge are missing and only root can install them"; exit 1; }
    log "installing slurm-wlm and munge"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >&2
  fi
  local dir host cpus mem port
  dir=$(mktemp -d /tmp/numm-slurm.XXXXXX)
  chmod 700 "$dir"
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
  host=$(hostname -s)
  cpus=$(nproc)
  mem=$(awk '/MemTotal/ { m = int($2 / 1024) - 1024; print (m > 512 ? m : 512) }' /proc/meminfo)
  # Ports away from the defaults, so a cluster already running on the machine is not disturbed.
  port=$((20000 + ($$ % 20000)))

  # Munge: a fresh key made with dd, socket and pid inside the folder.
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1 count=1024 status=none
  chmod 400 "$dir/munge/munge.key"
  munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed"

  cat >"$dir/slurm.conf" <<EOF
ClusterName=numm-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
SlurmdParameters=config_overrides
SlurmctldPort=$port
SlurmdPort=$((port + 1))
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MinJobAge=3600
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$SLURM_CONF"
  slurmd -f "$SLURM_CONF"

  # Ready when the node is idle (a few seconds).
  local state=""
  for _ in $(seq 1 60); do
    state=$(sinfo -h -n "$host" -o %t 2>/dev/null || true)
    case "$state" in
      idle*|mix*|alloc*) break ;;
      down*|drain*) scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true ;;
    esac
    sleep 0.5
  done
  case "$state" in
    idle*|mix*|alloc*) log "cluster up in $dir (node $host, $cpus CPUs, ${mem} MB, state $state)" ;;
    *) log "the node did not become idle (state '$state'); logs:"; tail -n 20 "$dir"/log/*.log >&2 || true; stop "$dir"; exit 1 ;;
  esac
  echo "export SLURM_CONF='$dir/slurm.conf' NUMM_SLURM_DIR='$dir' NUMM_SLURM_CLUSTER=1"
}

stop() {
  local dir=${1:-${NUMM_SLURM_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir" ] || { log "no cluster folder given"; return 0; }
  local pidfile pid
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$dir"
  log "cluster stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
