-- The secrets of integration clients (client credentials, RFC 6749 §4.4), and the generation of a
-- client's tokens. A secret is stored as its SHA-256 only; the current one has no end, the one it
-- replaced keeps working until valid_until (the rotation's overlap), then is refused.

alter table integration_client add column security_version bigint not null default 0;

create table integration_client_secret (
    id           uuid primary key,
    client_id    uuid        not null references integration_client (id),
    secret_hash  varchar(64) not null,
    created_at   timestamptz not null,
    -- null: the current secret; set when a newer one replaces it
    valid_until  timestamptz,
    constraint integration_client_secret_hash_key unique (secret_hash)
);

create index integration_client_secret_client_idx on integration_client_secret (client_id);
