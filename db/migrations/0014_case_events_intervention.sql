-- The intervention a chronology event is about (intervention_added, intervention_session). The
-- chronology, the closure tab and the case summary name it when they are read, from its catalogue
-- entry: an entry that reveals the concern (intervention_types.reveals_concern, 0013) is named
-- only to readers with the case's compartment, also when it is marked after the event
-- (docs/SECURITY.md, "Catalogue entries that name the concern"). Events written before this
-- migration keep the entry's name in `changes` (field `intervention`); the readers apply the same
-- rule to that name, so history is not rewritten.
alter table case_events
  add column intervention_id uuid null references case_interventions (id) on delete cascade;
