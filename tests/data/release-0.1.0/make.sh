#!/usr/bin/env bash
# Makes the databases of this folder with release 0.1.0's own code (commit 29554c6), as a person
# running that release would have filled them: the sample stores with history and products,
# subscriptions (one ended), planned and sent reminders, API keys (one revoked) and feed tokens.
#   git worktree add --detach ../release-0.1.0 29554c6
#   tests/data/release-0.1.0/make.sh ../release-0.1.0
# It writes sqlite.db, postgres.sql (pg_dump --inserts of the same commands run on PostgreSQL)
# and the secrets each one's tests use (an API key, a feed token, an unsubscribe token).
set -euo pipefail
release=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$here/../../../.venv/bin/python}
pg_server=${PG_SERVER:-postgresql://postgres@127.0.0.1:5432}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fill() {  # $1: database URL, $2: name of the secrets file
  export CALENDAR_DATABASE_URL=$1 CALENDAR_OUTBOX_DIR=$work/outbox-$2 CALENDAR_COMPOSE_WORKERS=0
  cs() { (cd "$release" && "$python" -m calendar_service "$@"); }  # the release's package
  test "$(cd "$release" && "$python" -c 'import calendar_service as c; print(c.__file__)')" \
    = "$release/calendar_service/__init__.py"
  # The sample holds several captures of each store: history, not one snapshot.
  cs import --now 2026-12-01T09:00 "$release"/data/sample/stores.csv "$release"/data/sample/products.csv
  cs subscribe b2b-220011 ops@agency.example
  cs subscribe b2b-220001 ops@agency.example --locale en
  cs subscribe b2b-220002 owner@seller.example
  cs subscribe b2b-220003 gone@seller.example
  cs unsubscribe gone@seller.example
  api_key=$(cs apikey create agency 2>/dev/null)
  cs apikey create old-laptop > /dev/null
  cs apikey revoke old-laptop
  feed_url=$(cs feed-url b2b-220011 | head -1)
  cs feed-url b2b-220001 > /dev/null
  cs remind --now 2026-12-15T10:00
  cs remind --now 2026-12-16T10:00
  unsubscribe=$(grep -rhoa 'unsubscribe/[A-Za-z0-9_-]*' "$work/outbox-$2" | head -1)
  printf '{"api_key": "%s", "feed_path": "%s", "unsubscribe_path": "/%s"}\n' \
    "$api_key" "/feeds/${feed_url##*/feeds/}" "$unsubscribe" > "$here/$2.secrets.json"
}

rm -f "$here/sqlite.db"
fill "sqlite:///$here/sqlite.db" sqlite
"$python" -c "import sqlite3; c = sqlite3.connect('$here/sqlite.db'); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.execute('PRAGMA journal_mode=DELETE')"

psql -q "$pg_server/postgres" -c 'DROP DATABASE IF EXISTS calendar_release_0_1_0' -c 'CREATE DATABASE calendar_release_0_1_0'
fill "postgresql+psycopg://${pg_server#postgresql://}/calendar_release_0_1_0" postgres
pg_dump --inserts --no-owner --no-privileges "$pg_server/calendar_release_0_1_0" > "$here/postgres.sql"
psql -q "$pg_server/postgres" -c 'DROP DATABASE calendar_release_0_1_0'
