-- Four-eyes on the area action plan counts everyone who wrote a version (review of issue 16):
-- `updated_by` holds only the last saver and `submitted_by` is cleared by a send-back, so an
-- earlier editor could approve their own text once someone else saved and submitted after them.
-- `editors` keeps every user who created, saved or submitted the version (appended, never
-- removed); the service refuses approval by any of them (server/modules/area-plans).
alter table area_action_plans add column editors uuid[] not null default '{}';

update area_action_plans
   set editors = array_remove(array[created_by, updated_by, submitted_by], null);
