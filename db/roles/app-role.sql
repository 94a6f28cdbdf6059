-- Production: the role the application connects as. Run by the database owner after
-- `npm run migrate` (and again after each migration that adds tables). The owner runs the
-- migrations; the application role cannot change or remove audit entries, and cannot disable
-- the triggers that guard them (only an owner can). Replace tovholder_app with your role's name.
--
--   create role tovholder_app login password '…';
--   psql "$OWNER_DATABASE_URL" -f db/roles/app-role.sql

grant usage on schema public to tovholder_app;

-- Ordinary tables: read and write.
grant select, insert, update, delete on all tables in schema public to tovholder_app;
grant usage, select on all sequences in schema public to tovholder_app;

-- The audit trail: append-only. Chain heads move forward (a trigger checks that too).
revoke update, delete, truncate on audit_log from tovholder_app;
revoke delete, truncate on audit_chain_heads from tovholder_app;
-- Anchors of pruned audit segments (0039) are never changed or removed.
revoke update, delete, truncate on audit_anchors from tovholder_app;

-- Migrations are the owner's: the application only reads which ones are applied.
revoke insert, update, delete, truncate on schema_migrations from tovholder_app;
