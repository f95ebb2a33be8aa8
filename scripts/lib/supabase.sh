# The Supabase CLI, and the check that it and `followerloop migrate` agree on supabase/migrations.
# Sourced after services.sh (uses ROOT, LOCAL, FL_PG_PORT, say, die, secret, pg_psql) by scripts/setup and scripts/test.

# Pinned: newer releases' builds for other platforms are not served by the registry, so a lock naming them fails.
FL_SUPABASE_VERSION=2.117.0
FL_SUPABASE_DIR="$LOCAL/supabase"

# The CLI, quietly: its state under .local/supabase/home instead of ~/.supabase, no telemetry (it would also
# keep traces of every query there), no asking for its latest release (only the npm registry is reached, and
# the answer would go to supabase/.temp), the project read from the checkout whatever the current directory.
supabase_cli() {
    SUPABASE_HOME="$FL_SUPABASE_DIR/home" SUPABASE_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 SUPABASE_NO_UPDATE_NOTIFIER=1 \
        "$FL_SUPABASE_DIR/node_modules/.bin/supabase" --workdir "$ROOT" "$@"
}

# From npm into .local/supabase, reused when that version is there. The npm package is a Node.js shim; the
# program itself comes in its platform package (@supabase/cli-linux-x64 here), an optional dependency, so
# a machine whose platform package is not served gets a shim that cannot run: checked by running it.
ensure_supabase_cli() {
    local installed
    installed=$(supabase_cli --version 2>/dev/null || true)
    [ "$installed" = "$FL_SUPABASE_VERSION" ] && return
    say "installing supabase $FL_SUPABASE_VERSION (the Supabase CLI) from npm"
    mkdir -p "$FL_SUPABASE_DIR"
    npm install --prefix "$FL_SUPABASE_DIR" --save-exact --no-audit --no-fund --loglevel=error "supabase@$FL_SUPABASE_VERSION" \
        >"$FL_SUPABASE_DIR/npm.log" 2>&1 || die "npm install supabase@$FL_SUPABASE_VERSION failed, see $FL_SUPABASE_DIR/npm.log"
    installed=$(supabase_cli --version 2>>"$FL_SUPABASE_DIR/npm.log" || true)
    [ "$installed" = "$FL_SUPABASE_VERSION" ] \
        || die "the Supabase CLI installed but does not run (version '$installed'; is its platform package @supabase/cli-$(uname -s | tr 'A-Z' 'a-z')-* served?), see $FL_SUPABASE_DIR/npm.log"
}

# The versions of supabase/migrations, one a line: the files' timestamp prefixes, as both tools read them.
local_migration_versions() {
    local file
    for file in "$ROOT"/supabase/migrations/*.sql; do
        file=$(basename "$file")
        echo "${file%%_*}"
    done | sort
}

# Reads `supabase migration list --output-format json` on stdin; prints each migration that is not applied on
# both sides, or that is not one of the versions given; prints nothing when every version is applied.
migration_list_problems() {
    node -e '
        const expected = process.argv.slice(1);
        const rows = JSON.parse(require("fs").readFileSync(0, "utf8")).migrations ?? [];
        for (const r of rows) {
            if (!r.local || r.local !== r.remote) console.log(`  ${r.local || "-"} local, ${r.remote || "-"} remote`);
        }
        const listed = rows.map(r => r.local || r.remote);
        for (const v of expected) if (!listed.includes(v)) console.log(`  ${v} not listed`);
        for (const v of listed) if (!expected.includes(v)) console.log(`  ${v} listed but not in supabase/migrations`);
    ' "$@"
}

# `followerloop migrate` of the Debug build (scripts/test's) into database $1, its output on stdout.
followerloop_migrate() {
    Database__ConnectionString="Host=127.0.0.1;Port=$FL_PG_PORT;Username=postgres;Password=$(secret postgres-password);Database=$1" \
        "$ROOT/src/FollowerLoop.Worker/bin/Debug/net10.0/followerloop" migrate 2>&1
}

# One scratch database through both tools; $1 = its name, $2 = which tool goes first (cli or followerloop).
# Fails (die) with what disagreed. Its schema is dumped to $FL_SUPABASE_DIR/check/$1.sql.
check_one_way() {
    local db=$1 first=$2 url out problems versions
    mapfile -t versions < <(local_migration_versions)
    # The password from the environment, not in the URL: a command line shows in the process list.
    # sslmode=disable: the local server speaks no TLS, and the CLI would insist on it.
    url="postgresql://postgres@127.0.0.1:$FL_PG_PORT/$db?sslmode=disable"
    export PGPASSWORD
    PGPASSWORD=$(secret postgres-password)
    pg_psql -qc "create database \"$db\"" >/dev/null || die "could not create the scratch database $db"

    if [ "$first" = cli ]; then
        supabase_cli db push --db-url "$url" --yes >"$FL_SUPABASE_DIR/check/$db.push.log" 2>&1 \
            || die "$db: supabase db push failed, see $FL_SUPABASE_DIR/check/$db.push.log"
        out=$(followerloop_migrate "$db") || die "$db: followerloop migrate failed after supabase db push: $out"
        grep -qxF "Database is up to date." <<<"$out" \
            || die "$db: followerloop migrate did not recognise what supabase db push applied: $out"
    else
        out=$(followerloop_migrate "$db") || die "$db: followerloop migrate failed: $out"
        grep -qF "Applied ${#versions[@]} migration(s): " <<<"$out" \
            || die "$db: followerloop migrate did not apply every file of supabase/migrations: $out"
        out=$(supabase_cli db push --db-url "$url" --dry-run --output-format json 2>/dev/null) \
            || die "$db: supabase db push --dry-run failed after followerloop migrate: $out"
        node -e 'process.exit(JSON.parse(require("fs").readFileSync(0, "utf8")).upToDate === true ? 0 : 1)' <<<"$out" \
            || die "$db: supabase db push would push again what followerloop migrate applied: $out"
    fi

    out=$(supabase_cli migration list --db-url "$url" --output-format json 2>/dev/null) \
        || die "$db: supabase migration list failed: $out"
    problems=$(migration_list_problems "${versions[@]}" <<<"$out") || die "$db: could not read supabase migration list's output: $out"
    [ -z "$problems" ] || die "$db: supabase migration list does not show every migration applied:
$problems"

    # pg_dump marks its output with a random key (\restrict): not part of the schema.
    PGPASSWORD=$PGPASSWORD pg_dump -h 127.0.0.1 -p "$FL_PG_PORT" -U postgres --schema-only --no-owner -d "$db" \
        | grep -Ev '^\\(un)?restrict ' >"$FL_SUPABASE_DIR/check/$db.sql" || die "$db: pg_dump failed"
}

# Both ways, each into a scratch database dropped afterwards: the CLI first, then `followerloop migrate` must find
# nothing to do; `followerloop migrate` first, then the CLI must find nothing to push; both times `supabase migration
# list` must show every file applied; and the two schemas must be the same. Needs the Debug build and Postgres.
check_supabase_migrations() {
    local suffix=$$ a b
    a="fl_supa_cli_first_$suffix"
    b="fl_supa_fl_first_$suffix"
    rm -rf "$FL_SUPABASE_DIR/check" && mkdir -p "$FL_SUPABASE_DIR/check"
    (
        trap 'pg_psql -qc "drop database if exists \"$a\" with (force)" -c "drop database if exists \"$b\" with (force)" >/dev/null 2>&1' EXIT
        check_one_way "$a" cli
        check_one_way "$b" followerloop
        diff -u "$FL_SUPABASE_DIR/check/$a.sql" "$FL_SUPABASE_DIR/check/$b.sql" >"$FL_SUPABASE_DIR/check/schema.diff" \
            || die "the schema supabase db push made differs from followerloop migrate's, see $FL_SUPABASE_DIR/check/schema.diff"
    )
}
