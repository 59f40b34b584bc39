-- Revocation that bites (identity/Revocations): access tokens carry the account's security
-- version ("sv"); it grows whenever the account is deactivated, reactivated, or changes role,
-- administration or password, and a token with an older one is refused.
alter table staff_account add column security_version bigint not null default 0;

-- Each instance loads the sessions (refresh-token families) revoked within the last access-token
-- lifetime; only a few rows are ever revoked, so a partial index keeps that read small.
create index refresh_token_revoked_idx on refresh_token (revoked_at) where revoked_at is not null;
