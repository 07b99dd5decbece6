#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:${PGPORT:-55432} for the contract tests and prints the
# connection string. Installs PostgreSQL with apt-get when it is missing. PostgreSQL refuses to run as root,
# so the cluster belongs to the postgres user.
set -euo pipefail
port="${PGPORT:-55432}"
dir="${PGDATA_DIR:-/tmp/policybot-pg-$port}"

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres

if ! su postgres -s /bin/sh -c "$bin/pg_isready -h 127.0.0.1 -p $port -q" 2>/dev/null; then
  rm -rf "$dir"
  mkdir -p "$dir"
  chown postgres "$dir"
  su postgres -s /bin/sh -c "$bin/initdb -D '$dir/data' -U postgres --auth=trust -E UTF8 >/dev/null"
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300\" start >/dev/null"
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
