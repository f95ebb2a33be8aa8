# Local services for FollowerLoop: PostgreSQL and Redis from Debian's packages, Chromium from Debian,
# Azurite (the Azure Storage emulator the Durable engine's task hub lives in) from npm.
# Sourced by scripts/setup, scripts/test, scripts/demo and scripts/bench. Data lives under .local/
# (git-ignored); every server binds to 127.0.0.1 only. Re-running reuses what is already up.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL="$ROOT/.local"
FL_PG_PORT=${FL_PG_PORT:-55432}
FL_REDIS_PORT=${FL_REDIS_PORT:-56379}
FL_PG_DATABASE=${FL_PG_DATABASE:-followerloop}
# Azurite's own default ports, which `UseDevelopmentStorage=true` assumes.
FL_AZURITE_BLOB_PORT=${FL_AZURITE_BLOB_PORT:-10000}
FL_AZURITE_QUEUE_PORT=${FL_AZURITE_QUEUE_PORT:-10001}
FL_AZURITE_TABLE_PORT=${FL_AZURITE_TABLE_PORT:-10002}
FL_AZURITE_VERSION=3.37.0

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

apt_updated=""
apt_install() {
    command -v apt-get >/dev/null || die "apt-get not found: install $* yourself (Debian packages)"
    [ "$(id -u)" -eq 0 ] || die "installing $* needs root (run: sudo apt-get install -y $*)"
    if [ -z "$apt_updated" ]; then
        say "apt-get update"
        apt-get update -qq >"$LOCAL/apt.log" 2>&1 || die "apt-get update failed, see $LOCAL/apt.log"
        apt_updated=1
    fi
    say "installing $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$LOCAL/apt.log" 2>&1 \
        || die "apt-get install $* failed, see $LOCAL/apt.log"
}

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && echo "$dir"
}

ensure_packages() {
    mkdir -p "$LOCAL"
    local missing=()
    [ -n "$(pg_bin)" ] || missing+=(postgresql postgresql-contrib)
    command -v psql >/dev/null || missing+=(postgresql-client)
    command -v redis-server >/dev/null || missing+=(redis-server)
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    # Account:TimeZone is an IANA id: .NET and Postgres read it from the system's zone files.
    [ -d /usr/share/zoneinfo ] || missing+=(tzdata)
    [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# initdb and pg_ctl refuse root, so as root the server runs as the postgres user.
as_pg_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && su postgres -s /bin/sh -c "$*")
    else
        sh -c "$*"
    fi
}

# PostgreSQL's data goes under .local/postgres, unless the postgres user cannot reach the checkout
# (a clone under /root, say): then under /var/tmp, keyed by port, with a note in .local/.
pg_home_dir() {
    local home="$LOCAL/postgres"
    mkdir -p "$home"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$home"
    if ! as_pg_owner "test -w '$home'" 2>/dev/null; then
        home="/var/tmp/followerloop-postgres-$FL_PG_PORT"
        mkdir -p "$home" && chown postgres:postgres "$home"
        echo "PostgreSQL data is in $home (the postgres user cannot reach this checkout)" >"$LOCAL/postgres/WHERE"
    fi
    echo "$home"
}

start_postgres() {
    local bin data run pg_home
    bin=$(pg_bin) || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    pg_home=$(pg_home_dir)
    data="$pg_home/data"
    run="$pg_home/run"
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$FL_PG_PORT"; then
        say "PostgreSQL already running on 127.0.0.1:$FL_PG_PORT"
    else
        as_pg_owner "mkdir -p '$run'"
        if [ ! -s "$data/PG_VERSION" ]; then
            say "initialising PostgreSQL in $data"
            as_pg_owner "'$bin/initdb' -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$pg_home/initdb.log' 2>&1" \
                || die "initdb failed, see $pg_home/initdb.log"
        fi
        say "starting PostgreSQL on 127.0.0.1:$FL_PG_PORT"
        as_pg_owner "'$bin/pg_ctl' -D '$data' -l '$pg_home/server.log' -w -t 60 \
            -o \"-c listen_addresses=127.0.0.1 -p $FL_PG_PORT -c unix_socket_directories='$run' -c max_connections=300 -c fsync=off -c synchronous_commit=off\" start >/dev/null" \
            || die "PostgreSQL did not start, see $pg_home/server.log"
    fi
    if ! psql -h 127.0.0.1 -p "$FL_PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='$FL_PG_DATABASE'" | grep -q 1; then
        psql -h 127.0.0.1 -p "$FL_PG_PORT" -U postgres -qc "create database \"$FL_PG_DATABASE\"" >/dev/null \
            || die "could not create database $FL_PG_DATABASE"
    fi
}

start_redis() {
    if redis-cli -h 127.0.0.1 -p "$FL_REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
        say "Redis already running on 127.0.0.1:$FL_REDIS_PORT"
        return
    fi
    mkdir -p "$LOCAL/redis"
    say "starting Redis on 127.0.0.1:$FL_REDIS_PORT"
    redis-server --bind 127.0.0.1 --port "$FL_REDIS_PORT" --daemonize yes --dir "$LOCAL/redis" \
        --pidfile "$LOCAL/redis/redis.pid" --logfile "$LOCAL/redis/redis.log" --save "" --appendonly no \
        || die "Redis did not start, see $LOCAL/redis/redis.log"
    for _ in $(seq 1 50); do
        redis-cli -h 127.0.0.1 -p "$FL_REDIS_PORT" ping 2>/dev/null | grep -q PONG && return
        sleep 0.1
    done
    die "Redis did not answer on 127.0.0.1:$FL_REDIS_PORT, see $LOCAL/redis/redis.log"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Azurite from npm, pinned, installed under .local/azurite; its data under .local/azurite/data.
# One process per service (blob, queue, table) rather than the all-in-one `azurite`: each is a single
# Node.js event loop, and the Durable engine keeps queues and tables busy at once (the tracking bench at
# 1,000 posts saturated the single process; split, queues and tables run on both cores).
start_azurite() {
    local dir="$LOCAL/azurite" service port
    if port_open "$FL_AZURITE_QUEUE_PORT" && port_open "$FL_AZURITE_TABLE_PORT" && port_open "$FL_AZURITE_BLOB_PORT"; then
        say "Azurite already running on 127.0.0.1:$FL_AZURITE_BLOB_PORT-$FL_AZURITE_TABLE_PORT"
        return
    fi
    if [ ! -x "$dir/node_modules/.bin/azurite-table" ]; then
        say "installing azurite $FL_AZURITE_VERSION from npm"
        mkdir -p "$dir"
        npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "azurite@$FL_AZURITE_VERSION" >"$dir/npm.log" 2>&1 \
            || die "npm install azurite failed, see $dir/npm.log"
    fi
    mkdir -p "$dir/data"
    say "starting Azurite on 127.0.0.1:$FL_AZURITE_BLOB_PORT-$FL_AZURITE_TABLE_PORT"
    for service in blob queue table; do
        case $service in
            blob) port=$FL_AZURITE_BLOB_PORT ;;
            queue) port=$FL_AZURITE_QUEUE_PORT ;;
            table) port=$FL_AZURITE_TABLE_PORT ;;
        esac
        port_open "$port" && continue # that service is still up
        # --skipApiVersionCheck: the Azure SDKs may speak a newer API version than this Azurite knows.
        nohup "$dir/node_modules/.bin/azurite-$service" --silent --location "$dir/data" --skipApiVersionCheck \
            --"${service}Host" 127.0.0.1 --"${service}Port" "$port" \
            >"$dir/azurite-$service.log" 2>&1 &
        echo $! >"$dir/azurite-$service.pid"
    done
    for _ in $(seq 1 100); do
        port_open "$FL_AZURITE_TABLE_PORT" && port_open "$FL_AZURITE_QUEUE_PORT" && port_open "$FL_AZURITE_BLOB_PORT" && return
        sleep 0.1
    done
    die "Azurite did not answer on 127.0.0.1:$FL_AZURITE_BLOB_PORT-$FL_AZURITE_TABLE_PORT, see $dir/azurite-*.log"
}

# Exports the settings the worker, the tests and the benchmarks read (see README, Configuration).
export_settings() {
    export Database__ConnectionString="Host=127.0.0.1;Port=$FL_PG_PORT;Username=postgres;Database=$FL_PG_DATABASE"
    export Redis__Configuration="127.0.0.1:$FL_REDIS_PORT"
    export FOLLOWERLOOP_TEST_POSTGRES="Host=127.0.0.1;Port=$FL_PG_PORT;Username=postgres;Database=postgres"
    export FOLLOWERLOOP_TEST_REDIS="127.0.0.1:$FL_REDIS_PORT"
    export FOLLOWERLOOP_REDIS_SERVER="$(command -v redis-server)"
    export FOLLOWERLOOP_TEST_AZURITE="UseDevelopmentStorage=true"
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

setup_services() {
    command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required"
    ensure_packages
    start_postgres
    start_redis
    start_azurite
    export_settings
}
