-- Interventions for several persons (issue 12, part 2): a family conversation, a group talk or a
-- network meeting names its participants, each a person of the case.
--
--   1. `case_interventions.form` says whether the intervention is for one person ('individual',
--      exactly one participant) or for a family or group ('group', two or more). The user chooses
--      it on the intervention: a catalogue entry such as "Gruppe- og familiesamtaler" is also held
--      with one person, so the entry alone cannot decide. The services check the count.
--   2. `case_intervention_participants` holds every participant, the main person included.
--      `case_interventions.person_id` stays the main person (the first participant: consent,
--      offers and the code written before this migration read it), so old rows and old code keep
--      working. Forward-only: every existing intervention gets its main person as its one
--      participant below, so from here on the participants table alone answers "who takes part".
--
-- Tenant key as in 0015: filled from the intervention, checked against the person.

alter table case_interventions
  add column form text not null default 'individual' check (form in ('individual', 'group'));

create table case_intervention_participants (
  intervention_id uuid not null references case_interventions (id) on delete cascade,
  person_id uuid not null references persons (id),
  municipality_code char(3) not null references municipalities (code),
  added_at timestamptz not null default now(),
  primary key (intervention_id, person_id)
);

-- Who takes part in what: a person's interventions (removing a person from a case, the counts).
create index case_intervention_participants_person
  on case_intervention_participants (municipality_code, person_id);

create trigger case_intervention_participants_tenant_key
  before insert or update of municipality_code, intervention_id, person_id
  on case_intervention_participants
  for each row execute function tenant_key_from_parents(
    'case_interventions', 'intervention_id', 'persons', 'person_id');

insert into case_intervention_participants (intervention_id, person_id, municipality_code, added_at)
  select id, person_id, municipality_code, created_at from case_interventions;
