-- Four-eyes on closing a case (issue 12): with it on (the default), the coordinator who proposed
-- closing a case cannot approve the proposal; another of the case's coordinators must. A
-- municipality with only one coordinator turns it off in the settings, and the chronology then
-- says the closure was decided without a second coordinator.
alter table municipality_settings add column closure_four_eyes boolean not null default true;
