-- Integration clients: OSEP's and the ministries' systems, calling the API as themselves (OAuth 2.0
-- client credentials), never as a person. A client belongs to OSEP (administration_id null) or to
-- one administration, holds a subset of permissions, and may be bound to source addresses. Its
-- secrets, its tokens' revocation and its webhook subscriptions hang off this row.

create table integration_client (
    id                uuid primary key,
    name              varchar(120) not null,
    contact_email     varchar(254) not null,
    administration_id uuid references administration (id),
    -- REQUESTS_READ, REQUESTS_ACT (as its administration's agent), SUBMIT (on behalf of a channel), STATS_READ
    permissions       varchar(20)[] not null,
    -- CIDR blocks the client may call from; empty: any address
    allowed_addresses varchar(50)[] not null default '{}',
    active            boolean      not null default true,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0,
    constraint integration_client_name_key unique (name)
);

create index integration_client_administration_idx on integration_client (administration_id)
    where administration_id is not null;
