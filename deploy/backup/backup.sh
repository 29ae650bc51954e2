#!/bin/bash
# Back up TechMatch's PostgreSQL database with pg_dump's custom format (compressed; pg_restore
# can restore it whole or in part). Everything is in the database: the ledger, imports with their
# files, the dashboard's rollup. The search index is not: `manage.py reindex` rebuilds it.
#
#   DATABASE_URL=postgres://user:password@host:5432/techmatch deploy/backup/backup.sh [FILE]
#
# FILE defaults to $BACKUP_DIR/techmatch-<database>-<UTC time>.dump (BACKUP_DIR: the current
# directory). An existing file is never overwritten; the file is readable by its owner only.
set -o errexit -o pipefail -o nounset
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n '2,9p' "${BASH_SOURCE[0]}" | cut -c3-
    exit 0
fi
[[ -n ${DATABASE_URL:-} ]] || die "DATABASE_URL is not set: the database to back up (postgres://user:password@host:5432/techmatch)"
pg_env_from_url "$DATABASE_URL" DATABASE_URL
need pg_dump
need pg_restore

file=${1:-${BACKUP_DIR:-.}/techmatch-$PGDATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump}
[[ ! -e $file ]] || die "$file already exists; not overwriting a backup"
[[ -d $(dirname "$file") ]] || die "no such directory: $(dirname "$file")"

umask 077  # the dump holds personal data and contracts
partial="$file.partial"
trap 'rm -f "$partial"' EXIT
started=$(date +%s)
pg_dump --format=custom --file="$partial" ||
    die "pg_dump of $(pg_describe) failed (see above); no backup was written"
# A file that pg_restore cannot list is no backup: check before it gets its final name.
listing=$(pg_restore --list "$partial") || die "pg_restore cannot read what pg_dump wrote; no backup was written"
tables=$(grep -c ' TABLE DATA ' <<<"$listing" || true)
mv "$partial" "$file"
trap - EXIT

printf 'backup.sh: %s: %s tables of %s, %s bytes, in %ss\n' \
    "$file" "$tables" "$(pg_describe)" "$(wc -c <"$file" | tr -d ' ')" "$(( $(date +%s) - started ))"
