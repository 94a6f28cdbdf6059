-- The case's chronology (one timeline of everything that happens in the case) and its status
-- "on hold" with a reason and an optional date. Every change to a case writes one case_events
-- row in the transaction that makes it (with its audit entry).
--
-- `compartment` marks an event about the concern itself (a compartment note, a classification
-- change): only readers with the case's compartment receive it; the query leaves it out for the
-- others and the presenter removes its text as well (docs/SECURITY.md "The compartment").

alter table cases add column on_hold_reason text null check (length(on_hold_reason) between 1 and 2000);
alter table cases add column on_hold_until date null;

create table case_events (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid null references users (id),
  kind text not null check (
    kind in ('note', 'status_changed', 'classification_changed', 'member_added', 'member_removed', 'opened')
  ),
  -- What changed, field by field: { "status": { "from": "active", "to": "on_hold" } }.
  changes jsonb not null default '{}',
  note_text text null check (length(note_text) between 1 and 10000),
  compartment boolean not null default false,
  check ((kind = 'note') = (note_text is not null))
);
create index case_events_case_idx on case_events (case_id, id);
