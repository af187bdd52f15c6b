#!/bin/bash
# Creates the application's role and database beside Temporal's (`temporal`, `temporal_visibility`).
# The postgres image runs /docker-entrypoint-initdb.d/* once, when the data volume is empty; on an
# existing volume create them by hand (docs/deployment.md).
set -euo pipefail

: "${TRELLIS_DB_PASSWORD:?set TRELLIS_DB_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set trellis_password="$TRELLIS_DB_PASSWORD" <<'SQL'
CREATE ROLE trellis LOGIN PASSWORD :'trellis_password';
-- The owner may create tables in the database's public schema (PostgreSQL 15+ rules).
CREATE DATABASE trellis OWNER trellis;
SQL
