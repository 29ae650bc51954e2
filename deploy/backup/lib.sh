# Sourced by backup.sh and restore.sh. Turns a DATABASE_URL into libpq's variables (PGHOST,
# PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE) so that the password never appears on a
# command line, where `ps` would show it, and is never written to a file. Anything the URL leaves
# out comes from the environment as usual (PGPASSWORD, ~/.pgpass, PGSSLROOTCERT ...).

die() {
    printf '%s: %s\n' "$(basename "$0")" "$*" >&2
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 ||
        die "$1 is not installed: install the PostgreSQL client (Debian: postgresql-client), version ≥ the server's"
}

percent_decode() {
    local s=${1//\\/\\\\}
    printf '%b' "${s//%/\\x}"
}

# pg_env_from_url URL NAME: NAME is the variable the URL came from, for error messages.
pg_env_from_url() {
    local url=$1 name=$2 rest query="" userinfo="" hostport database="" host port="" pair
    case "$url" in
        postgres://* | postgresql://* | pgsql://* | psql://*) ;;
        sqlite:*) die "$name is a SQLite URL ($url); these scripts back up PostgreSQL. For SQLite stop the app and copy the file, or: sqlite3 var/db.sqlite3 \".backup 'techmatch-copy.sqlite3'\"" ;;
        *) die "$name must be a postgres://user:password@host:5432/database URL (got '${url%%://*}://…')" ;;
    esac
    rest=${url#*://}
    if [[ $rest == *\?* ]]; then query=${rest#*\?}; rest=${rest%%\?*}; fi
    if [[ $rest == */* ]]; then database=${rest#*/}; rest=${rest%%/*}; fi
    if [[ $rest == *@* ]]; then userinfo=${rest%@*}; hostport=${rest##*@}; else hostport=$rest; fi
    if [[ $hostport == \[* ]]; then           # [IPv6]:port
        host=${hostport%%]*}; host=${host#[}
        if [[ $hostport == *]:* ]]; then port=${hostport##*]:}; fi
    else
        host=${hostport%%:*}
        if [[ $hostport == *:* ]]; then port=${hostport#*:}; fi
    fi
    [[ -n $database ]] || die "$name names no database (…/techmatch at the end)"
    export PGDATABASE
    PGDATABASE=$(percent_decode "$database")
    if [[ -n $host ]]; then export PGHOST; PGHOST=$(percent_decode "$host"); fi
    if [[ -n $port ]]; then export PGPORT=$port; fi
    if [[ -n $userinfo ]]; then
        export PGUSER
        PGUSER=$(percent_decode "${userinfo%%:*}")
        if [[ $userinfo == *:* ]]; then
            export PGPASSWORD
            PGPASSWORD=$(percent_decode "${userinfo#*:}")
        fi
    fi
    local IFS='&'
    for pair in $query; do
        case "$pair" in
            sslmode=*) export PGSSLMODE=${pair#*=} ;;
            sslrootcert=*) export PGSSLROOTCERT; PGSSLROOTCERT=$(percent_decode "${pair#*=}") ;;
            connect_timeout=*) export PGCONNECT_TIMEOUT=${pair#*=} ;;
        esac
    done
}

# The database as messages name it: never with its password.
pg_describe() {
    printf '%s@%s:%s/%s' "${PGUSER:-$(id -un)}" "${PGHOST:-localhost}" "${PGPORT:-5432}" "$PGDATABASE"
}
