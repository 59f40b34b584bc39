-- Abuse limits shared by every instance (common/RateLimiter). One row per limit and client,
-- contact or target: the key is the limit's name and a SHA-256 of the value, never the address,
-- e-mail or phone itself. Rows past expires_at are dead (the next hit starts afresh) and purged.
create table rate_limit (
    key        varchar(100) primary key,
    -- Hits in the current window; for sign-in delays, consecutive failures.
    hits       integer     not null,
    -- End of the window (for sign-in delays: when the failures are forgotten).
    expires_at timestamptz not null,
    -- Sign-in delays only: no attempt before this instant.
    not_before timestamptz
);
create index rate_limit_expires_idx on rate_limit (expires_at);

-- Growing delays per account (rate_limit) replace the lockout a stranger could trigger.
alter table staff_account drop column failed_logins;
alter table staff_account drop column locked_until;
