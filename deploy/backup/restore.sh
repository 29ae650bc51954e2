#!/bin/bash
# Restore a backup made by backup.sh into a fresh database: one that does not exist yet (it is
# created) or exists and is empty (made for you by a DBA where you may not create databases).
# A database with tables in it is refused: a restore never overwrites data.
#
#   RESTORE_DATABASE_URL=postgres://user:password@host:5432/techmatch_restored deploy/backup/restore.sh FILE
#
# Without RESTORE_DATABASE_URL the target is DATABASE_URL (after losing the database: recreate it
# where the app expects it). Everything is restored in one transaction, owned by the URL's user.
set -o errexit -o pipefail -o nounset
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ${1:-} == -h || ${1:-} == --help || $# -ne 1 ]]; then
    sed -n '2,9p' "${BASH_SOURCE[0]}" | cut -c3-
    [[ $# -eq 1 ]] && exit 0 || exit 2
fi
file=$1
[[ -f $file ]] || die "no such backup file: $file"
if [[ -n ${RESTORE_DATABASE_URL:-} ]]; then
    pg_env_from_url "$RESTORE_DATABASE_URL" RESTORE_DATABASE_URL
else
    [[ -n ${DATABASE_URL:-} ]] || die "set RESTORE_DATABASE_URL (or DATABASE_URL) to the database to restore into"
    pg_env_from_url "$DATABASE_URL" DATABASE_URL
fi
need pg_restore
need psql
need createdb
pg_restore --list "$file" >/dev/null 2>&1 || die "$file is not a backup made by backup.sh (pg_restore cannot read it)"

target=$PGDATABASE
exists=$(printf "SELECT count(*) FROM pg_database WHERE datname = :'target'\n" |
    PGDATABASE=postgres psql -X -q -A -t -v ON_ERROR_STOP=1 -v target="$target") ||
    die "cannot reach the server as $(pg_describe | sed 's|/.*||') (see above)"
created=""
if [[ $exists == 0 ]]; then
    createdb -- "$target" || die "cannot create $(pg_describe) (see above): ask for CREATEDB, or for an empty database owned by ${PGUSER:-you}"
    created=yes
else
    tables=$(psql -X -q -A -t -v ON_ERROR_STOP=1 \
        -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
    [[ $tables == 0 ]] || die "$(pg_describe) already has $tables tables; restore into a new database (a restore never overwrites data)"
fi

started=$(date +%s)
if ! pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$target" "$file"; then
    if [[ -n $created ]]; then
        dropdb -- "$target" || true  # nothing was restored (one transaction): leave no empty database behind
    fi
    die "restoring $file into $(pg_describe) failed (see above); nothing was restored"
fi
# pg_restore collects no planner statistics. (Quietly: a non-superuser is told about every
# shared catalog it may not analyze.)
PGOPTIONS="-c client_min_messages=error" psql -X -q -v ON_ERROR_STOP=1 -c "ANALYZE" >/dev/null

cat <<EOF
restore.sh: restored $file into $(pg_describe) in $(( $(date +%s) - started ))s. Next, with DATABASE_URL pointing at it:
  python backend/manage.py migrate                # a backup of an older release: bring the schema up to date
  python backend/manage.py deal_rollups --check   # the dashboard's sums agree with the contracts
  python backend/manage.py reindex                # the search index is not in the backup: rebuild it
EOF
