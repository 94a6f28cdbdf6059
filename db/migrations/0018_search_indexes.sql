-- Search in the inbox and among persons (issue 12).
--
-- The start of a reference (H-2026-00…) in the inbox's search: text_pattern_ops lets a LIKE
-- 'prefix%' use the index whatever the database's collation.
create index inquiries_reference_prefix_idx
  on inquiries (municipality_code, reference text_pattern_ops);

-- Finding persons, newest registration first (keyset on created_at, id), per municipality;
-- merged-away registrations are never shown. A CPR number and a birth date already have their
-- indexes (persons_cpr_digest_idx, persons_birth_idx); a name is matched anywhere in it, which
-- a b-tree cannot serve: the municipality's live registrations are read in this order instead.
create index persons_search_idx
  on persons (municipality_code, created_at desc, id desc)
  where merged_into is null;
