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

# The local services' passwords: made once, kept under .local/secrets (mode 0600), readable by this user only.
secret() {
    local file="$LOCAL/secrets/$1"
    if [ ! -s "$file" ]; then
        mkdir -p "$LOCAL/secrets" && chmod 700 "$LOCAL/secrets"
        (umask 077 && head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$file")
    fi
    cat "$file"
}

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
        pg_psql -tAc "select 1" >/dev/null 2>&1 \
            || die "PostgreSQL on 127.0.0.1:$FL_PG_PORT refuses this checkout's password: another checkout's server holds the port (scripts/stop there, or set FL_PG_PORT)"
    else
        as_pg_owner "mkdir -p '$run'"
        if [ ! -s "$data/PG_VERSION" ]; then
            say "initialising PostgreSQL in $data"
            # Over TCP a password (scram), over the socket only the postgres user itself (peer): no local user is
            # let in as superuser for being local.
            local pwfile="$pg_home/initdb.pw"
            (umask 077 && secret postgres-password >"$pwfile") && [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
            as_pg_owner "'$bin/initdb' -D '$data' -U postgres --auth-local=peer --auth-host=scram-sha-256 --pwfile='$pwfile' -E UTF8 --locale=C.UTF-8 >'$pg_home/initdb.log' 2>&1" \
                || { rm -f "$pwfile"; die "initdb failed, see $pg_home/initdb.log"; }
            rm -f "$pwfile"
        fi
        say "starting PostgreSQL on 127.0.0.1:$FL_PG_PORT"
        as_pg_owner "'$bin/pg_ctl' -D '$data' -l '$pg_home/server.log' -w -t 60 \
            -o \"-c listen_addresses=127.0.0.1 -p $FL_PG_PORT -c unix_socket_directories='$run' -c unix_socket_permissions=0700 -c max_connections=300 -c fsync=off -c synchronous_commit=off\" start >/dev/null" \
            || die "PostgreSQL did not start, see $pg_home/server.log"
    fi
    require_postgres_password "$data"
    if ! pg_psql -tAc "select 1 from pg_database where datname='$FL_PG_DATABASE'" | grep -q 1; then
        pg_psql -qc "create database \"$FL_PG_DATABASE\"" >/dev/null \
            || die "could not create database $FL_PG_DATABASE"
    fi
}

# psql as the postgres user over TCP, the password given to this command only (not exported to what the scripts start).
pg_psql() { PGPASSWORD=$(secret postgres-password) psql -h 127.0.0.1 -p "$FL_PG_PORT" -U postgres "$@"; }

# A cluster an older setup made with trust for everyone gets the password and the peer/scram rules (once).
require_postgres_password() {
    local data=$1
    if ! as_pg_owner "grep -Eq '^[^#]*[[:space:]]trust([[:space:]]|$)' '$data/pg_hba.conf'"; then
        return
    fi
    say "PostgreSQL: password and peer authentication instead of trust"
    pg_psql -qc "alter user postgres password '$(secret postgres-password)'" >/dev/null \
        || die "could not set the postgres user's password"
    as_pg_owner "printf '%s\n' 'local all all peer' 'host all all 127.0.0.1/32 scram-sha-256' 'host all all ::1/128 scram-sha-256' >'$data/pg_hba.conf'"
    as_pg_owner "'$(pg_bin)/pg_ctl' -D '$data' reload >/dev/null" || die "PostgreSQL did not reload its rules"
}

# A fast shutdown (open connections cut, as a crash of the server would) and a start with the same options:
# the fault bench's "Postgres restarted mid-run".
restart_postgres() {
    local bin pg_home
    bin=$(pg_bin) || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    pg_home=$(pg_home_dir)
    as_pg_owner "'$bin/pg_ctl' -D '$pg_home/data' -l '$pg_home/server.log' -m fast -w -t 60 restart >/dev/null" \
        || die "PostgreSQL did not restart, see $pg_home/server.log"
}

# Redis asks for a password (requirepass), so that no other local user's process can read or change the cache.
redis_ping() { REDISCLI_AUTH=$(secret redis-password) redis-cli -h 127.0.0.1 -p "$FL_REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

start_redis() {
    # Asked first without the password: a server that has none answers a ping either way.
    if redis-cli -h 127.0.0.1 -p "$FL_REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
        say "Redis on 127.0.0.1:$FL_REDIS_PORT had no password: setting it"
        redis-cli -h 127.0.0.1 -p "$FL_REDIS_PORT" config set requirepass "$(secret redis-password)" >/dev/null \
            || die "could not set Redis' password"
        return
    fi
    if redis_ping; then
        say "Redis already running on 127.0.0.1:$FL_REDIS_PORT"
        return
    fi
    port_open "$FL_REDIS_PORT" \
        && die "Redis on 127.0.0.1:$FL_REDIS_PORT refuses this checkout's password: another checkout's server holds the port (scripts/stop there, or set FL_REDIS_PORT)"
    mkdir -p "$LOCAL/redis"
    say "starting Redis on 127.0.0.1:$FL_REDIS_PORT"
    # The password through a config file on stdin, not the command line (which every local user can list).
    printf 'requirepass %s\n' "$(secret redis-password)" | redis-server - --bind 127.0.0.1 --port "$FL_REDIS_PORT" --daemonize yes --dir "$LOCAL/redis" \
        --pidfile "$LOCAL/redis/redis.pid" --logfile "$LOCAL/redis/redis.log" --save "" --appendonly no >/dev/null \
        || die "Redis did not start, see $LOCAL/redis/redis.log"
    for _ in $(seq 1 50); do
        redis_ping && return
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
        # --disableTelemetry: Azurite otherwise queues usage telemetry under /tmp and retries sending it for ever
        # (about 10% of a core per service on a closed network, measured; thousands of files).
        nohup "$dir/node_modules/.bin/azurite-$service" --silent --location "$dir/data" --skipApiVersionCheck --disableTelemetry \
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
    local pg_password redis_password
    pg_password=$(secret postgres-password)
    redis_password=$(secret redis-password)
    export Database__ConnectionString="Host=127.0.0.1;Port=$FL_PG_PORT;Username=postgres;Password=$pg_password;Database=$FL_PG_DATABASE"
    export Redis__Configuration="127.0.0.1:$FL_REDIS_PORT,password=$redis_password"
    export FOLLOWERLOOP_TEST_POSTGRES="Host=127.0.0.1;Port=$FL_PG_PORT;Username=postgres;Password=$pg_password;Database=postgres"
    export FOLLOWERLOOP_TEST_REDIS="127.0.0.1:$FL_REDIS_PORT,password=$redis_password"
    export FOLLOWERLOOP_REDIS_SERVER="$(command -v redis-server)"
    export FOLLOWERLOOP_TEST_AZURITE="UseDevelopmentStorage=true"
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
    # The same settings for a shell of one's own (`. .local/env`, then dotnet test or followerloop run).
    (umask 077 && export -p | grep -E ' (Database__ConnectionString|Redis__Configuration|FOLLOWERLOOP_[A-Z_]+)=' >"$LOCAL/env")
}

setup_services() {
    command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required"
    ensure_packages
    start_postgres
    start_redis
    start_azurite
    export_settings
}
