-- The child's own view in the assessment (issue 12 part 8, Barnets lov): when the case's citizen
-- is under 18 on the assessment's day, the assessment records the child's own views and how the
-- child has been involved (a conversation, a conversation with a support person, observation …).
-- Free text with the limit of the assessment's other texts; empty for an adult (the service
-- refuses them there). Not compartment content, like the citizen's own perspective.
alter table case_assessments
  add column child_view text null check (length(child_view) <= 4000),
  add column child_involvement text null check (length(child_involvement) <= 4000);
