-- Who was present belongs to a version of the minutes (review finding 2). While a version is a
-- draft its attendance is read from the invitation rows (meeting_participants.attended,
-- meeting_external_guests.attended); when the chair approves it, the attendance is copied into
-- the version, so that a later correction draft, a removed participant or a renamed guest never
-- changes what approved minutes say:
--   { "participants": [{ "user_id", "display_name", "kind", "agenda_item_id", "attended" }],
--     "guests": [{ "id", "name", "organisation", "agenda_item_id", "attended" }] }
-- (the rows as server/modules/meetings/queries-minutes.ts `attendance` reads them).
-- `agenda_item_id` is kept so that a guest of one item still sees only that item's attendance.
-- Null on drafts and on versions approved before this migration (they show the current rows).
alter table meeting_minutes
  add column attendance jsonb null
    check (attendance is null or jsonb_typeof(attendance) = 'object');
