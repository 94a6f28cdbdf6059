-- An intake draft belongs to its author, and so does its id: the key becomes (user_id, id).
-- Another user's draft id is then, for everyone else, simply an id they have not used: saving
-- to it creates their own draft and leaves the other one alone, so the answer no longer tells
-- the two apart (issue 10: a 404 for someone else's draft, 200/409 for an unused id).
alter table inquiry_drafts drop constraint inquiry_drafts_pkey;
alter table inquiry_drafts add primary key (user_id, id);
