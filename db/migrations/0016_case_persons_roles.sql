-- Persons in a case, changed on the case (issue 12): a coordinator adds a family member or
-- someone close after the case was opened, and removes one with a reason. Two more roles a
-- person can have in a case (child, friend), and the two chronology events of such a change.
-- The existing values stay as they are.

alter table case_persons drop constraint case_persons_role_check;
alter table case_persons add constraint case_persons_role_check check (
  role in ('citizen', 'parent', 'sibling', 'younger_sibling', 'spouse', 'child', 'friend', 'other')
);

alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (
  kind in (
    'note', 'status_changed', 'classification_changed', 'member_added', 'member_removed', 'opened',
    'assessment_started', 'assessment_updated', 'assessment_finalised',
    'plan_drafted', 'plan_submitted', 'plan_approved', 'plan_rejected',
    'intervention_added', 'intervention_changed', 'intervention_session', 'consent_recorded',
    'consent_withdrawn', 'offer_made', 'offer_answered',
    'follow_up_scheduled', 'follow_up_recorded',
    'closure_proposed', 'closure_approved', 'closure_rejected',
    'review_recorded', 'reopened',
    'person_added', 'person_removed'
  )
);
