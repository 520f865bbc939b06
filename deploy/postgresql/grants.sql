-- biosched on PostgreSQL: what the application role (the gateways' login) may do, and no more.
-- Run once as the owner role after `biosched init`, and again after any migration:
--
--   psql "postgresql://biosched_owner@db1/biosched" -v app=biosched_app -f deploy/postgresql/grants.sql
--
-- docs/deployment.md ("Several hosts, one PostgreSQL database") shows where it fits. The test of
-- these privileges on a real server is left to the PostgreSQL store's own suite (issue 20's notes).
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

-- Every function the schema defines runs with a fixed search_path (pg_temp last, so a temporary
-- table cannot stand in for a real one either).
DO $$
DECLARE f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.proname LIKE 'biosched\_%' LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
  END LOOP;
END $$;

-- Reads and writes of the working tables.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";

-- The store's settings (among them `training`) are the owner's: the application role cannot turn
-- a production store into a training store (whose reset empties the audit log and the outbox).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON settings FROM :"app";
-- The audit log and the outbox are append-only for it (the triggers refuse the same for everyone).
REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM :"app";
REVOKE DELETE, TRUNCATE ON outbox FROM :"app";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_pending FROM :"app";
-- Migrations are the owner's.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON biosched_migrations FROM :"app";
-- Nothing truncates anything.
REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM :"app";

COMMIT;
