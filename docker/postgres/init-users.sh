#!/usr/bin/env bash
# The ledger's database roles, least privilege (docs/operations.md, "Database users"):
#   LEDGER_DB_OWNER (ledger_owner)          owns the database and every table: Flyway's migrations run as it
#                                           (spring.flyway.user); no superuser, no CREATEDB, no CREATEROLE
#   LEDGER_DB_COMMAND_USER (ledger_command) the command side at runtime: SELECT, INSERT, UPDATE, DELETE on the tables,
#   LEDGER_DB_QUERY_USER (ledger_query)     the query side at runtime    USAGE on the sequences; no DDL, no TRUNCATE
#
# The postgres image runs it once, as its superuser, on an empty volume (mounted into /docker-entrypoint-initdb.d).
# It is safe to run again, and must be run by hand on a database made before it (the operations guide has the
# command): it creates the roles that are missing, sets each role's password from its file when the file is there
# (that is also how a password is rotated), makes the owner own the database and every table, sequence and view in
# schema public that someone else owns (an earlier deployment's superuser), and grants the runtime roles their rights
# on what exists and, by default privileges, on whatever the owner creates later.
#
# Password files (one line; a trailing newline is ignored) in LEDGER_SECRETS_DIR (/run/secrets):
# postgres-owner-password, postgres-command-password, postgres-query-password. A role whose file is missing keeps
# its password; a role that does not exist yet needs its file.
#
# Connection: psql's usual PG* variables; POSTGRES_USER as the user when set (the image sets it). The database is
# LEDGER_DB_NAME, else POSTGRES_DB, else ledger. Run by a role that is not a superuser (CI's per-test databases), it
# needs CREATEROLE for missing roles and membership in the owner role for the rest.
set -euo pipefail

database=${LEDGER_DB_NAME:-${POSTGRES_DB:-ledger}}
owner=${LEDGER_DB_OWNER:-ledger_owner}
command_user=${LEDGER_DB_COMMAND_USER:-ledger_command}
query_user=${LEDGER_DB_QUERY_USER:-ledger_query}
secrets=${LEDGER_SECRETS_DIR:-/run/secrets}

psql_args=(-v ON_ERROR_STOP=1 --no-psqlrc -q -X -d "$database"
    -v database="$database" -v owner="$owner" -v command_user="$command_user" -v query_user="$query_user")
if [ -n "${POSTGRES_USER:-}" ]; then
    psql_args+=(--username "$POSTGRES_USER")
fi

# For each role: create it when missing, set its password when its file is there. The password is read by psql
# itself (\set with a back-quoted cat of the file), so it never appears on a command line.
role_sql() {
    local variable=$1 file=$secrets/$2
    if [ -r "$file" ]; then
        cat <<SQL
\\set password \`cat '$file'\`
SELECT format('CREATE ROLE %I LOGIN', :'$variable')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'$variable') \\gexec
ALTER ROLE :"$variable" PASSWORD :'password';
\\unset password
SQL
    else
        cat <<SQL
SELECT format('DO \$\$BEGIN RAISE EXCEPTION %L; END\$\$', 'role ' || :'$variable' || ' does not exist and $file is not there')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'$variable') \\gexec
SQL
    fi
}

{
    role_sql owner postgres-owner-password
    role_sql command_user postgres-command-password
    role_sql query_user postgres-query-password
    cat <<'SQL'
-- Nobody but these roles connects; nobody creates objects in public but the owner (PostgreSQL 15+ does not let PUBLIC
-- create there anyway).
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'owner')
WHERE (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = :'database') <> :'owner' \gexec
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO :"command_user", :"query_user";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"command_user", :"query_user";

-- What an earlier deployment's superuser created (tables, their sequences, views) passes to the owner.
SELECT format('ALTER TABLE public.%I OWNER TO %I', c.relname, :'owner')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> :'owner' \gexec
SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', c.relname, :'owner')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> :'owner'
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) \gexec

-- Rows only: no TRUNCATE, REFERENCES or TRIGGER, no DDL (the schema is the owner's, migrated by Flyway as the owner).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"command_user", :"query_user";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :"command_user", :"query_user";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"command_user", :"query_user";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT USAGE ON SEQUENCES TO :"command_user", :"query_user";
SQL
} | psql "${psql_args[@]}"

echo "init-users: $owner owns database $database; $command_user and $query_user may read and write its rows"
