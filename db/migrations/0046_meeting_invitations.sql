-- Meeting invitations by e-mail with an iCalendar attachment (issue 14 part 2,
-- docs/meetings/meetings.md).
--
-- An invitation, update or cancellation of a meeting is an outbox row naming the meeting (and,
-- for a named external guest, the guest: their address is read when the message is sent, so a
-- guest removed before then gets nothing). The text and the .ics are composed when sent from the
-- meeting: only the forum's name, the time, the place or video link and a link to the meeting
-- page — never a citizen, a case, an inquiry or an agenda item. `meeting_sequence` is the
-- iCalendar SEQUENCE of the message (0 for the first invitation, one more for each change), so a
-- calendar replaces the meeting it already holds (same UID). A meeting deleted takes its
-- messages with it.
alter table email_outbox
  add column meeting_id uuid null references meetings (id) on delete cascade,
  add column meeting_external_guest_id uuid null
    references meeting_external_guests (id) on delete cascade,
  add column meeting_sequence integer null check (meeting_sequence between 0 and 1000000),
  add constraint email_outbox_meeting_sequence check ((meeting_id is null) = (meeting_sequence is null)),
  add constraint email_outbox_guest_names_meeting
    check (meeting_external_guest_id is null or meeting_id is not null);

-- One recipient: a user, an address, or a meeting's external guest.
alter table email_outbox drop constraint email_outbox_one_recipient;
alter table email_outbox add constraint email_outbox_one_recipient
  check (num_nonnulls(user_id, to_address, meeting_external_guest_id) = 1);

-- The tenant key from the meeting too (never across municipalities).
drop trigger email_outbox_tenant_key on email_outbox;
create trigger email_outbox_tenant_key
  before insert or update of municipality_code, inquiry_id, meeting_id on email_outbox
  for each row execute function tenant_key_from_parents(
    'inquiries', 'inquiry_id', 'meetings', 'meeting_id');
alter table email_outbox drop constraint email_outbox_tenant_key_check;
alter table email_outbox add constraint email_outbox_tenant_key_check
  check (municipality_code is not null or (inquiry_id is null and meeting_id is null));

create index email_outbox_meeting_idx on email_outbox (meeting_id) where meeting_id is not null;
