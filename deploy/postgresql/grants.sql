-- biosched on PostgreSQL: what the application role (the gateways' login) may do, and no more.
-- Run once as the owner role after `biosched init`, and again after any migration:
--
--   psql "postgresql://biosched_owner@db1/biosched" -v app=biosched_app -f deploy/postgresql/grants.sql
--
-- docs/deployment.md ("Several hosts, one PostgreSQL database") shows where it fits;
-- PostgresGrantsTests runs this very file on a real server and tries what the role must not do.
\set ON_ERROR_STOP on
\if :{?app}
\else
  \set app biosched_app
\endif

BEGIN;

-- Nobody but the owner creates anything in the schema: no table, view or function of the
-- application role's can shadow one of biosched's through search_path.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM :"app";
GRANT USAGE ON SCHEMA public TO :"app";

-- Every function the schema defines already runs with a fixed search_path (pg_temp last, so a
-- temporary table cannot stand in for a real one either): migration pg3 sets it. Checked here, so
-- that a store made by an older biosched is not given to the role before it is migrated.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public' AND p.proname LIKE 'biosched\_%'
               AND NOT coalesce(p.proconfig, '{}') @> ARRAY['search_path=pg_catalog, public, pg_temp']) THEN
    RAISE EXCEPTION 'a biosched function runs without its fixed search_path: open the store once as its owner (biosched summary) to migrate it first';
  END IF;
END $$;

-- Reads and writes of the working tables.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";

-- The settings may change (an import's lead time, say), but never the `training` flag: a trigger
-- refuses that for everybody, so no role can turn a production store into a training store (whose
-- reset empties the audit log and the outbox). Adding or removing settings is the owner's.
REVOKE INSERT, DELETE, TRUNCATE ON settings FROM :"app";
-- The audit log is written only through biosched_audit_append (it checks each row; it and the seal
-- at commit run as the owner): the role writes no row of its own choosing into audit_pending or audit.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit FROM :"app";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_pending FROM :"app";
-- The outbox is append-only for it (the triggers refuse the same for everyone).
REVOKE DELETE, TRUNCATE ON outbox FROM :"app";
-- Migrations are the owner's.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON biosched_migrations FROM :"app";
-- Nothing truncates anything.
REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM :"app";

COMMIT;
