-- Audit trail: append-only, hash-chained log of every access to and change of personal data,
-- and of logins, logouts and permission changes (server/platform/audit, docs/SECURITY.md).
--
-- One chain per municipality (chain_key = municipality code) plus 'global' for entries without a
-- tenant, so municipalities never wait for each other. audit_chain_heads holds the last seq and
-- hash of each chain; writers lock only their chain's head row until commit. Each entry's hash is
-- an HMAC-SHA256 (key outside the database) over the previous hash and the entry's fields.
--
-- No foreign keys: the audit trail must outlive the users and records it names.
--
-- Production: the application should connect as a role that is NOT the owner of these tables,
-- with only
--   grant select, insert on audit_log to tovholder_app;
--   grant select, insert, update on audit_chain_heads to tovholder_app;
-- The owner role runs migrations only. The triggers below also stop the owner's UPDATE, DELETE and
-- TRUNCATE, but an owner can disable triggers; a non-owner cannot (docs/SECURITY.md).

create table audit_chain_heads (
  chain_key text primary key,
  last_seq bigint not null check (last_seq >= 0),
  last_hash text not null,
  updated_at timestamptz not null default now()
);

create table audit_log (
  id bigint generated always as identity primary key,
  chain_key text not null,
  seq bigint not null check (seq >= 1),
  occurred_at timestamptz not null,
  actor_user_id uuid null,
  actor_role text null,
  actor_unit_id uuid null,
  municipality_code char(3) null check (municipality_code ~ '^[0-9]{3}$'),
  action text not null check (action in ('read', 'search', 'export', 'create', 'update', 'delete',
    'disclose', 'login', 'login_failed', 'logout', 'permission_change', 'break_glass', 'merge',
    'print')),
  resource_type text not null check (length(resource_type) between 1 and 100),
  resource_id text null,
  -- Whose personal data the entry concerns: answers a citizen's request for access (GDPR art. 15).
  subject_person_id uuid null,
  purpose text null,
  legal_basis text null,
  request_id text null,
  break_glass boolean not null default false,
  -- Ids and codes only; never personal data (names, CPR numbers, free text).
  details jsonb not null default '{}',
  prev_hash text not null,
  hash text not null,
  unique (chain_key, seq),
  -- The chain is the municipality, or 'global' for entries without one.
  check (chain_key = coalesce(municipality_code::text, 'global'))
);
create index audit_log_subject_idx on audit_log (subject_person_id, occurred_at)
  where subject_person_id is not null;
create index audit_log_municipality_idx on audit_log (municipality_code, occurred_at desc);
create index audit_log_actor_idx on audit_log (actor_user_id, occurred_at desc);

-- Append-only: rows of audit_log are never changed or removed, not even by the owner's mistakes.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update_delete
  before update or delete on audit_log
  for each row execute function audit_log_append_only();

create trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- Chain heads only move forward: a head that went back would hide entries deleted at the end.
create function audit_chain_heads_forward_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if new.chain_key = old.chain_key and new.last_seq > old.last_seq then
      return new;
    end if;
  end if;
  raise exception 'audit_chain_heads only move forward' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_chain_heads_forward
  before update or delete on audit_chain_heads
  for each row execute function audit_chain_heads_forward_only();

create trigger audit_chain_heads_no_truncate
  before truncate on audit_chain_heads
  for each statement execute function audit_chain_heads_forward_only();
