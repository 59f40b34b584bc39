-- Webhooks: an integration client's subscriptions to request events, and their deliveries. The
-- signing secret must be readable to sign, so it is stored encrypted (AES-GCM under
-- milie.integrations.webhook-key), never hashed; after a rotation the previous one still signs
-- until previous_secret_until.

create table webhook_subscription (
    id                     uuid primary key,
    client_id              uuid         not null references integration_client (id),
    url                    varchar(2000) not null,
    event_types            varchar(40)[] not null,
    active                 boolean      not null default true,
    secret_sealed          varchar(200) not null,
    previous_secret_sealed varchar(200),
    previous_secret_until  timestamptz,
    -- failed attempts in a row, whatever the delivery; a success sets it back to 0
    consecutive_failures   integer      not null default 0,
    -- GONE (the receiver answered 410) or FAILURES (milie.integrations.webhooks.max-failures in a row)
    disabled_reason        varchar(20),
    disabled_at            timestamptz,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0
);

create index webhook_subscription_client_idx on webhook_subscription (client_id);

-- One event to one subscription. position orders the deliveries of a (subscription, request): one
-- is not attempted while an earlier one is PENDING or SENDING. A replay is a new row with the same
-- event_id. body (ids and codes only) is erased once delivered or given up.
create table webhook_delivery (
    id                 uuid primary key,
    position           bigserial    not null,
    subscription_id    uuid         not null references webhook_subscription (id) on delete cascade,
    event_id           uuid         not null,
    request_id         uuid         not null,
    event_type         varchar(40)  not null,
    occurred_at        timestamptz  not null,
    sequence           bigint       not null,
    body               text,
    status             varchar(20)  not null default 'PENDING'
        constraint webhook_delivery_status_check check (status in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED')),
    attempts           integer      not null default 0,
    next_attempt_at    timestamptz  not null,
    sending_until      timestamptz,
    last_attempt_at    timestamptz,
    last_response_code integer,
    last_latency_ms    integer,
    delivered_at       timestamptz,
    replay_of          uuid references webhook_delivery (id) on delete set null,
    created_at         timestamptz  not null
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at)
    where status in ('PENDING', 'SENDING');
create index webhook_delivery_order_idx on webhook_delivery (subscription_id, request_id, position)
    where status in ('PENDING', 'SENDING');
create index webhook_delivery_log_idx on webhook_delivery (subscription_id, created_at desc, id);
