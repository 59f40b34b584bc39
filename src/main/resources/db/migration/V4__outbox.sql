-- Outbox: every message to a citizen is written here in the transaction of the change that causes
-- it, then delivered by OutboxRelay with retries. Content is rendered at enqueue time; once a
-- message is SENT its body is erased (it may hold a sign-in code or a tracking link with its key).

create table outbox_message (
    id              uuid primary key,
    channel         varchar(5)    not null check (channel in ('EMAIL', 'SMS')),
    recipient       varchar(254)  not null,
    subject         varchar(255),
    body            text,
    html_body       text,
    kind            varchar(40)   not null, -- a MessageKind; not checked so that a new kind needs no migration
    request_id      uuid,
    status          varchar(10)   not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    constraint outbox_message_subject_for_email check ((channel = 'EMAIL') = (subject is not null)),
    constraint outbox_message_body_until_sent check (status = 'SENT' or body is not null)
);

-- The relay's query: the oldest due PENDING messages. SENT and FAILED rows stay out of the index.
create index outbox_message_due_idx on outbox_message (next_attempt_at) where status = 'PENDING';
-- Traceability: the messages a request caused.
create index outbox_message_request_idx on outbox_message (request_id) where request_id is not null;
