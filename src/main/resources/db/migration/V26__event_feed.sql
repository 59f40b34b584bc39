-- The live feed (request/EventFeed): every instance reads request_event in commit-safe order.
-- seq is given at insert, so a transaction that inserted first may commit last: a reader that had
-- moved past its seq would never see its row. The transaction id is safe instead: once it is below
-- the xmin of the reader's snapshot, that transaction has ended, and no row can appear behind a
-- cursor (tx, seq) that stays below it. Rows older than this migration share its transaction id
-- and keep their order by seq.
alter table request_event add column tx xid8 not null default pg_current_xact_id();
create index request_event_feed_idx on request_event (tx, seq);

-- Stream tickets (request/StreamTickets): a browser's EventSource cannot send a header, so it opens
-- a stream with a short-lived, single-use ticket instead of the token or key. Stored hashed; any
-- instance may redeem it.
create table stream_ticket (
    hash              varchar(64) primary key,
    stream            varchar(20) not null check (stream in ('TRACKING', 'MINE', 'STAFF')),
    request_id        uuid,
    party             varchar(30),
    sees_contact      boolean     not null default false,
    roles             varchar(200) not null,
    subject           uuid,
    administration_id uuid,
    session_id        uuid,
    session_staff     boolean,
    security_version  bigint,
    expires_at        timestamptz not null
);
create index stream_ticket_expiry_idx on stream_ticket (expires_at);
