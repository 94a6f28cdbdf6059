-- The tenant key on every table with personal data (issue 11; docs/ARCHITECTURE.md "The tenant
-- key", docs/SECURITY.md "Need-to-know"). persons, cases and inquiries carried municipality_code
-- from the start; the rows that hang off them did not, so a row of case work named its
-- municipality only through its case. From here on every such row carries it itself:
--
--   1. each table gets `municipality_code`, filled from the row's parent (the case, the inquiry,
--      the person, the intervention), NOT NULL, referencing municipalities (code);
--   2. a BEFORE INSERT trigger fills it from the parent when an insert leaves it out, so the
--      modules need not all change at once, and refuses a row whose municipality differs from
--      any parent's: a row never crosses municipalities;
--   3. the key never changes once set, on the parents (persons, cases, inquiries) as on the rows.
--
-- Notifications and e-mails waiting to be sent belong to a user and may name a case or an
-- inquiry; they carry the key exactly when they name one (a notice naming no record holds no
-- one's personal data).
--
-- No new indexes: every query reaches these rows through their parent's id, which is indexed,
-- and the tenant key is one more condition on the rows found. The foreign keys to
-- municipalities are not indexed either: a municipality is never deleted.

-- ── The trigger functions ──────────────────────────────────────────────────────────────────

-- Persons, cases and inquiries (and every row below): the tenant key is set once.
create function tenant_key_unchanged() returns trigger language plpgsql as $$
begin
  if new.municipality_code is distinct from old.municipality_code then
    raise exception 'municipality_code of % never changes', tg_table_name
      using errcode = 'check_violation';
  end if;
  return new;
end;
$$;

-- The row's parents, as arguments in pairs: (parent table, column of this row holding its id),
-- e.g. ('cases', 'case_id', 'persons', 'person_id'). A parent column that is null is skipped.
-- The first parent named fills a missing key; every parent named must agree with the key.
-- Every parent table has a uuid `id` and its own `municipality_code`.
create function tenant_key_from_parents() returns trigger language plpgsql as $$
declare
  fields jsonb := to_jsonb(new);
  parent_table text;
  parent_id text;
  parent_code char(3);
begin
  if tg_op = 'UPDATE' and new.municipality_code is distinct from old.municipality_code then
    raise exception 'municipality_code of % never changes', tg_table_name
      using errcode = 'check_violation';
  end if;
  for i in 0 .. tg_nargs - 1 by 2 loop
    parent_table := tg_argv[i];
    parent_id := fields ->> tg_argv[i + 1];
    continue when parent_id is null;
    execute format('select municipality_code from %I where id = $1', parent_table)
      into parent_code using parent_id::uuid;
    if parent_code is null then
      -- The foreign key would say so at the end of the statement; say it now, with its code.
      raise exception 'insert or update on table "%": no row in "%" with that %',
        tg_table_name, parent_table, tg_argv[i + 1]
        using errcode = 'foreign_key_violation';
    end if;
    if new.municipality_code is null then
      new.municipality_code := parent_code;
    elsif new.municipality_code <> parent_code then
      raise exception 'a row of % may not cross municipalities: % differs from its % (%)',
        tg_table_name, new.municipality_code, parent_table, parent_code
        using errcode = 'check_violation';
    end if;
  end loop;
  return new;
end;
$$;

-- ── The parents: their key never changes ───────────────────────────────────────────────────

create trigger persons_tenant_key_unchanged before update of municipality_code on persons
  for each row execute function tenant_key_unchanged();
create trigger cases_tenant_key_unchanged before update of municipality_code on cases
  for each row execute function tenant_key_unchanged();
create trigger inquiries_tenant_key_unchanged before update of municipality_code on inquiries
  for each row execute function tenant_key_unchanged();

-- ── The columns, filled from the parent of each existing row ───────────────────────────────

-- A person's relations (0007): both persons are of one municipality.
alter table person_relations add column municipality_code char(3) references municipalities (code);
update person_relations t set municipality_code = p.municipality_code
  from persons p where p.id = t.person_id;

-- The case's persons and members, and break-the-glass grants (0005).
alter table case_persons add column municipality_code char(3) references municipalities (code);
update case_persons t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table case_members add column municipality_code char(3) references municipalities (code);
update case_members t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table access_grants add column municipality_code char(3) references municipalities (code);
update access_grants t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;

-- The inquiry's persons, signs, contributions, decisions and chronology (0007).
alter table inquiry_persons add column municipality_code char(3) references municipalities (code);
update inquiry_persons t set municipality_code = i.municipality_code
  from inquiries i where i.id = t.inquiry_id;
alter table inquiry_signs add column municipality_code char(3) references municipalities (code);
update inquiry_signs t set municipality_code = i.municipality_code
  from inquiries i where i.id = t.inquiry_id;
alter table inquiry_contributions add column municipality_code char(3) references municipalities (code);
update inquiry_contributions t set municipality_code = i.municipality_code
  from inquiries i where i.id = t.inquiry_id;
alter table inquiry_decisions add column municipality_code char(3) references municipalities (code);
update inquiry_decisions t set municipality_code = i.municipality_code
  from inquiries i where i.id = t.inquiry_id;
alter table inquiry_events add column municipality_code char(3) references municipalities (code);
update inquiry_events t set municipality_code = i.municipality_code
  from inquiries i where i.id = t.inquiry_id;

-- The case's chronology (0009) and case work (0011).
alter table case_events add column municipality_code char(3) references municipalities (code);
update case_events t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table case_assessments add column municipality_code char(3) references municipalities (code);
update case_assessments t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table case_plans add column municipality_code char(3) references municipalities (code);
update case_plans t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table case_consents add column municipality_code char(3) references municipalities (code);
update case_consents t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table case_interventions add column municipality_code char(3) references municipalities (code);
update case_interventions t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table intervention_sessions add column municipality_code char(3) references municipalities (code);
update intervention_sessions t set municipality_code = ci.municipality_code
  from case_interventions ci where ci.id = t.intervention_id;
alter table case_offers add column municipality_code char(3) references municipalities (code);
update case_offers t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table case_follow_ups add column municipality_code char(3) references municipalities (code);
update case_follow_ups t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table case_closures add column municipality_code char(3) references municipalities (code);
update case_closures t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;
alter table case_reviews add column municipality_code char(3) references municipalities (code);
update case_reviews t set municipality_code = c.municipality_code from cases c where c.id = t.case_id;

-- Every row above now has its key; from here on it is required.
alter table person_relations alter column municipality_code set not null;
alter table case_persons alter column municipality_code set not null;
alter table case_members alter column municipality_code set not null;
alter table access_grants alter column municipality_code set not null;
alter table inquiry_persons alter column municipality_code set not null;
alter table inquiry_signs alter column municipality_code set not null;
alter table inquiry_contributions alter column municipality_code set not null;
alter table inquiry_decisions alter column municipality_code set not null;
alter table inquiry_events alter column municipality_code set not null;
alter table case_events alter column municipality_code set not null;
alter table case_assessments alter column municipality_code set not null;
alter table case_plans alter column municipality_code set not null;
alter table case_consents alter column municipality_code set not null;
alter table case_interventions alter column municipality_code set not null;
alter table intervention_sessions alter column municipality_code set not null;
alter table case_offers alter column municipality_code set not null;
alter table case_follow_ups alter column municipality_code set not null;
alter table case_closures alter column municipality_code set not null;
alter table case_reviews alter column municipality_code set not null;

-- Notifications (0005, 0007) and e-mails waiting to be sent (0007): the key of the record they
-- name, none when they name no record.
alter table notifications add column municipality_code char(3) references municipalities (code);
update notifications t set municipality_code = coalesce(
  (select c.municipality_code from cases c where c.id = t.case_id),
  (select i.municipality_code from inquiries i where i.id = t.inquiry_id));
alter table notifications add constraint notifications_tenant_key_check
  check (municipality_code is not null or (case_id is null and inquiry_id is null));
alter table email_outbox add column municipality_code char(3) references municipalities (code);
update email_outbox t set municipality_code = i.municipality_code
  from inquiries i where i.id = t.inquiry_id;
alter table email_outbox add constraint email_outbox_tenant_key_check
  check (municipality_code is not null or inquiry_id is null);

-- ── New rows: the key from the parents, never across municipalities ────────────────────────
-- One trigger per table, named <table>_tenant_key; the arguments name the parents, the one that
-- fills a missing key first. It runs on insert and when a parent column or the key is updated
-- (merging two registrations of a person re-points person_id, for instance).

create trigger person_relations_tenant_key
  before insert or update of municipality_code, person_id, related_person_id on person_relations
  for each row execute function tenant_key_from_parents(
    'persons', 'person_id', 'persons', 'related_person_id');

create trigger case_persons_tenant_key
  before insert or update of municipality_code, case_id, person_id on case_persons
  for each row execute function tenant_key_from_parents('cases', 'case_id', 'persons', 'person_id');
create trigger case_members_tenant_key
  before insert or update of municipality_code, case_id on case_members
  for each row execute function tenant_key_from_parents('cases', 'case_id');
create trigger access_grants_tenant_key
  before insert or update of municipality_code, case_id on access_grants
  for each row execute function tenant_key_from_parents('cases', 'case_id');

create trigger inquiry_persons_tenant_key
  before insert or update of municipality_code, inquiry_id, person_id on inquiry_persons
  for each row execute function tenant_key_from_parents(
    'inquiries', 'inquiry_id', 'persons', 'person_id');
create trigger inquiry_signs_tenant_key
  before insert or update of municipality_code, inquiry_id on inquiry_signs
  for each row execute function tenant_key_from_parents('inquiries', 'inquiry_id');
create trigger inquiry_contributions_tenant_key
  before insert or update of municipality_code, inquiry_id on inquiry_contributions
  for each row execute function tenant_key_from_parents('inquiries', 'inquiry_id');
create trigger inquiry_decisions_tenant_key
  before insert or update of municipality_code, inquiry_id, case_id on inquiry_decisions
  for each row execute function tenant_key_from_parents(
    'inquiries', 'inquiry_id', 'cases', 'case_id');
create trigger inquiry_events_tenant_key
  before insert or update of municipality_code, inquiry_id on inquiry_events
  for each row execute function tenant_key_from_parents('inquiries', 'inquiry_id');

create trigger case_events_tenant_key
  before insert or update of municipality_code, case_id, intervention_id on case_events
  for each row execute function tenant_key_from_parents(
    'cases', 'case_id', 'case_interventions', 'intervention_id');
create trigger case_assessments_tenant_key
  before insert or update of municipality_code, case_id, based_on_id on case_assessments
  for each row execute function tenant_key_from_parents(
    'cases', 'case_id', 'case_assessments', 'based_on_id');
create trigger case_plans_tenant_key
  before insert or update of municipality_code, case_id, based_on_id on case_plans
  for each row execute function tenant_key_from_parents(
    'cases', 'case_id', 'case_plans', 'based_on_id');
create trigger case_consents_tenant_key
  before insert or update of municipality_code, case_id, person_id on case_consents
  for each row execute function tenant_key_from_parents('cases', 'case_id', 'persons', 'person_id');
-- The catalogue entry is the case's municipality's own, as is the consent it rests on.
create trigger case_interventions_tenant_key
  before insert or update of municipality_code, case_id, person_id, intervention_type_id, consent_id
  on case_interventions
  for each row execute function tenant_key_from_parents(
    'cases', 'case_id', 'persons', 'person_id',
    'intervention_types', 'intervention_type_id', 'case_consents', 'consent_id');
create trigger intervention_sessions_tenant_key
  before insert or update of municipality_code, intervention_id on intervention_sessions
  for each row execute function tenant_key_from_parents('case_interventions', 'intervention_id');
create trigger case_offers_tenant_key
  before insert or update of municipality_code, case_id, person_id, intervention_type_id,
    first_offer_id on case_offers
  for each row execute function tenant_key_from_parents(
    'cases', 'case_id', 'persons', 'person_id',
    'intervention_types', 'intervention_type_id', 'case_offers', 'first_offer_id');
create trigger case_follow_ups_tenant_key
  before insert or update of municipality_code, case_id, plan_id on case_follow_ups
  for each row execute function tenant_key_from_parents('cases', 'case_id', 'case_plans', 'plan_id');
create trigger case_closures_tenant_key
  before insert or update of municipality_code, case_id on case_closures
  for each row execute function tenant_key_from_parents('cases', 'case_id');
create trigger case_reviews_tenant_key
  before insert or update of municipality_code, case_id, closure_id on case_reviews
  for each row execute function tenant_key_from_parents(
    'cases', 'case_id', 'case_closures', 'closure_id');

create trigger notifications_tenant_key
  before insert or update of municipality_code, case_id, inquiry_id on notifications
  for each row execute function tenant_key_from_parents(
    'cases', 'case_id', 'inquiries', 'inquiry_id');
create trigger email_outbox_tenant_key
  before insert or update of municipality_code, inquiry_id on email_outbox
  for each row execute function tenant_key_from_parents('inquiries', 'inquiry_id');
