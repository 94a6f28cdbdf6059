-- WebAuthn security keys: a second option for the second factor, next to the TOTP app and the
-- recovery codes (server/access/webauthn.ts, docs/SECURITY.md).

create table webauthn_credentials (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  -- The authenticator's credential id, base64url as the browser sends it (at most 1,023 bytes).
  credential_id text not null unique
    check (credential_id ~ '^[A-Za-z0-9_-]+$' and length(credential_id) <= 1400),
  -- The COSE public key, base64url. A public key, so not secret; never sent to the web app.
  public_key text not null check (public_key ~ '^[A-Za-z0-9_-]+$' and length(public_key) <= 8000),
  -- The authenticator's signature counter; a counter that goes backwards means a cloned key.
  sign_count bigint not null default 0 check (sign_count >= 0),
  transports text[] not null default '{}',
  nickname text not null check (length(nickname) between 1 and 100),
  created_at timestamptz not null default now(),
  last_used_at timestamptz null
);
create index webauthn_credentials_user_idx on webauthn_credentials (user_id);

-- Challenges handed out and not yet answered, one per session and purpose. They live in the
-- database (not in process memory) so every app process can verify the answer; they go with the
-- session, and each is taken (deleted) by the first answer, right or wrong.
create table webauthn_challenges (
  session_token_hash text not null references sessions (token_hash) on delete cascade,
  purpose text not null check (purpose in ('registration', 'authentication')),
  challenge text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (session_token_hash, purpose)
);
create index webauthn_challenges_expires_idx on webauthn_challenges (expires_at);
