-- Requests: the citizen's complaint, suggestion or observation, its events, answers and files.

create table citizen_request (
    id                          uuid primary key,
    tracking_code               varchar(13)  not null,
    access_key_hash             varchar(64)  not null,
    type                        varchar(20)  not null check (type in ('COMPLAINT', 'SUGGESTION', 'OBSERVATION')),
    category_id                 uuid         not null references category (id),
    channel                     varchar(10)  not null check (channel in ('WEB', 'MOBILE', 'PHONE')),
    subject                     varchar(200) not null,
    description                 text         not null,
    suggested_administration_id uuid references administration (id),
    administration_id           uuid references administration (id),
    region                      varchar(100),
    locality                    varchar(100),
    latitude                    double precision,
    longitude                   double precision,
    contact_name                varchar(200),
    contact_email               varchar(254),
    contact_phone               varchar(16),
    preferred_language          varchar(2)   not null default 'fr',
    anonymous                   boolean      not null default false,
    citizen_id                  uuid references citizen (id),
    entered_by_staff_id         uuid references staff_account (id),
    status                      varchar(20)  not null,
    resume_status               varchar(20),
    qualified                   boolean      not null default false,
    rejection_reason            varchar(20),
    duplicate_of                uuid references citizen_request (id),
    submitted_at                timestamptz  not null,
    updated_at                  timestamptz  not null,
    status_changed_at           timestamptz  not null,
    due_at                      timestamptz,
    answered_at                 timestamptz,
    closed_at                   timestamptz,
    reopen_count                integer      not null default 0,
    version                     bigint       not null default 0,
    search                      tsvector generated always as (
        setweight(to_tsvector('french', coalesce(subject, '')), 'A') ||
        setweight(to_tsvector('french', coalesce(description, '')), 'B')) stored,
    constraint citizen_request_tracking_code_unique unique (tracking_code),
    constraint citizen_request_status_check check (status in
        ('RECEIVED', 'ROUTED', 'IN_PROGRESS', 'AWAITING_CITIZEN', 'UNDER_REVIEW', 'ANSWERED', 'CLOSED', 'REJECTED'))
);

-- Work queues: newest first, or by deadline, within a status / an administration.
create index citizen_request_queue_submitted_idx on citizen_request (submitted_at desc, id desc);
create index citizen_request_status_submitted_idx on citizen_request (status, submitted_at desc, id desc);
create index citizen_request_admin_submitted_idx on citizen_request (administration_id, submitted_at desc, id desc);
create index citizen_request_admin_status_due_idx on citizen_request (administration_id, status, due_at, id);
create index citizen_request_status_due_idx on citizen_request (status, due_at, id);
create index citizen_request_citizen_idx on citizen_request (citizen_id, submitted_at desc) where citizen_id is not null;
create index citizen_request_phone_idx on citizen_request (contact_phone) where contact_phone is not null;
create index citizen_request_category_idx on citizen_request (category_id);
create index citizen_request_search_idx on citizen_request using gin (search);

-- The timeline and audit trail. Immutable: the trigger below refuses updates and deletes.
create table request_event (
    id          uuid primary key,
    request_id  uuid        not null references citizen_request (id),
    occurred_at timestamptz not null,
    type        varchar(30) not null,
    actor_id    uuid,
    actor_role  varchar(20) not null,
    from_status varchar(20),
    to_status   varchar(20),
    message     text,
    visibility  varchar(10) not null check (visibility in ('PUBLIC', 'INTERNAL')),
    data        jsonb
);
create index request_event_request_idx on request_event (request_id, occurred_at, id);

create function request_event_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'request events are immutable';
end;
$$;
create trigger request_event_immutable before update or delete on request_event
    for each row execute function request_event_is_immutable();

create table answer (
    id           uuid primary key,
    request_id   uuid        not null references citizen_request (id),
    author_id    uuid        not null,
    text         text        not null,
    status       varchar(20) not null check (status in ('UNDER_REVIEW', 'RETURNED', 'DELIVERED')),
    submitted_at timestamptz not null,
    reviewed_at  timestamptz,
    reviewer_id  uuid,
    remarks      text,
    delivered_at timestamptz,
    version      bigint      not null default 0
);
create index answer_request_idx on answer (request_id, submitted_at);

create table attachment (
    id           uuid primary key,
    request_id   uuid         not null references citizen_request (id),
    answer_id    uuid references answer (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea,
    storage_path varchar(500),
    uploaded_by  varchar(20)  not null,
    uploaded_at  timestamptz  not null
);
create index attachment_request_idx on attachment (request_id);

-- Idempotent submission: the first response to a key is kept 24 hours and replayed to retries.
create table idempotency_record (
    idempotency_key varchar(100) primary key,
    request_hash    varchar(64) not null,
    request_id      uuid        not null references citizen_request (id),
    response_body   text        not null,
    created_at      timestamptz not null
);
create index idempotency_record_created_idx on idempotency_record (created_at);
