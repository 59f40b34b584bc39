-- Identity: staff accounts (password), citizens (one-time codes), refresh tokens, OTP challenges.

create table staff_account (
    id                uuid primary key,
    email             varchar(254) not null,
    full_name         varchar(200) not null,
    role              varchar(20)  not null check (role in ('sysadmin', 'osep', 'operator', 'agent', 'supervisor')),
    administration_id uuid references administration (id),
    active            boolean      not null default true,
    password_hash     varchar(100) not null,
    failed_logins     integer      not null default 0,
    locked_until      timestamptz,
    last_login_at     timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0,
    constraint staff_account_email_unique unique (email),
    constraint staff_account_agent_has_administration
        check ((role = 'agent') = (administration_id is not null))
);
create index staff_account_administration_idx on staff_account (administration_id);

create table citizen (
    id                 uuid primary key,
    email              varchar(254),
    phone              varchar(16),
    full_name          varchar(200),
    preferred_language varchar(2)  not null default 'fr',
    created_at         timestamptz not null,
    last_login_at      timestamptz,
    version            bigint      not null default 0,
    constraint citizen_email_unique unique (email),
    constraint citizen_phone_unique unique (phone),
    constraint citizen_has_contact check (email is not null or phone is not null)
);

-- Opaque refresh tokens, stored as SHA-256 hashes. Rotation chains tokens of one sign-in into a
-- family; presenting an already used token revokes the whole family.
create table refresh_token (
    id           uuid primary key,
    token_hash   varchar(64) not null,
    family_id    uuid        not null,
    subject_kind varchar(10) not null check (subject_kind in ('STAFF', 'CITIZEN')),
    subject_id   uuid        not null,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    revoked_at   timestamptz,
    constraint refresh_token_hash_unique unique (token_hash)
);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_subject_idx on refresh_token (subject_kind, subject_id);

-- One-time sign-in codes for citizens, stored as salted hashes.
create table otp_challenge (
    id          uuid primary key,
    destination varchar(254) not null,
    code_hash   varchar(64)  not null,
    salt        varchar(32)  not null,
    attempts    integer      not null default 0,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    consumed_at timestamptz
);
create index otp_challenge_destination_idx on otp_challenge (destination, created_at desc);
