-- Case transfers by e-mail and on the consent basis (issue 13 parts 4, 5 and 11,
-- docs/TRANSFERS.md).
--
-- The invitation e-mail: a message to a coordinator of the receiving municipality about one
-- proposed transfer. The row is keyed by the receiving municipality (the recipient's), names the
-- transfer only by id, and its text is composed when sent (who proposed it, from which
-- municipality, a link to the incoming list): never the citizen, the case or the reason. A
-- transfer answered before the message left is not sent. A transfer deleted with its case
-- (retention) takes its messages with it.
alter table email_outbox
  add column case_transfer_id uuid null references case_transfers (id) on delete cascade;

-- The consent a transfer on a basis that requires consent relies on (the case's consent,
-- docs/CONSENT.md): checked when proposed and again when accepted, since the copy is made then.
-- A consent deleted with its case leaves the pointer empty.
alter table case_transfers
  add column consent_id uuid null references case_consents (id) on delete set null;
