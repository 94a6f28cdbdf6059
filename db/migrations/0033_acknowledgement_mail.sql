-- The acknowledgement of a report about a child goes by e-mail (issue 12 part 8).
--
-- The reporting professional's e-mail address is kept on the inquiry (the intake's contact is
-- free text: a phone number, a school's switchboard), entered or confirmed when the
-- acknowledgement is sent. The message waits in the e-mail outbox like every other e-mail; its
-- recipient is that address, not a user of the system, so an outbox row now names either a user
-- or an address, never both. The address is stored here and never written to a log.
alter table inquiries
  add column reporter_email text null
    check (length(reporter_email) between 3 and 254 and reporter_email like '%_@_%');

alter table email_outbox
  alter column user_id drop not null,
  add column to_address text null
    check (length(to_address) between 3 and 254 and to_address like '%_@_%'),
  add constraint email_outbox_one_recipient check ((user_id is null) <> (to_address is null)),
  -- A message to an address outside the system always names the inquiry it is about, so it has
  -- the inquiry's tenant key (filled by the trigger email_outbox_tenant_key, 0015).
  add constraint email_outbox_address_names_inquiry check (to_address is null or inquiry_id is not null);

-- The acknowledgement's status on the inquiry page: the latest message of a kind about an inquiry.
create index email_outbox_inquiry_idx on email_outbox (inquiry_id, kind, created_at desc)
  where inquiry_id is not null;
