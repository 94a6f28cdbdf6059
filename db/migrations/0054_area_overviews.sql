-- The area overview of a mapping round (issue 16 part 2; the housing-area model's tool 3): when a
-- closed round is systematised, the team merges its contributions into one overview — per level
-- (the area, a zone, a place) and category the items, in the team's own wording, some left out.
-- One overview per round, versioned (the team may correct its wording later). What changed since
-- the last round is computed from two overviews by each item's stable key
-- (server/modules/area-rounds/overview-diff.ts), never stored.
--
-- The items describe places, groups' behaviour and local actors by role and organisation, never a
-- citizen (the service refuses a CPR number in any text).
create table area_round_overviews (
  round_id uuid primary key references area_rounds (id) on delete cascade,
  municipality_code char(3) not null references municipalities (code),
  -- [{ key, partId, category, stance, sign, label, description, howToReach, sameAs }]
  items jsonb not null check (jsonb_typeof(items) = 'array'),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_by uuid not null references users (id),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create trigger area_round_overviews_tenant_key
  before insert or update of municipality_code, round_id on area_round_overviews
  for each row execute function tenant_key_from_parents('area_rounds', 'round_id');
