-- Feedback: the citizen's rating of each delivered answer (one per answer).
create table feedback (
    id           uuid primary key,
    request_id   uuid        not null references citizen_request (id),
    answer_id    uuid        not null references answer (id),
    rating       smallint    not null check (rating between 1 and 5),
    satisfied    boolean     not null,
    clarity      smallint check (clarity between 1 and 5),
    speed        smallint check (speed between 1 and 5),
    courtesy     smallint check (courtesy between 1 and 5),
    comment      varchar(2000),
    submitted_at timestamptz not null,
    constraint feedback_one_per_answer unique (answer_id)
);
create index feedback_request_idx on feedback (request_id);
-- The auto-closure job looks for answered requests whose dispute window has ended.
create index citizen_request_answered_idx on citizen_request (answered_at) where status = 'ANSWERED';

-- Several events of one move share a timestamp: the order they were written in is kept here.
alter table request_event add column seq bigint generated always as identity;
create index request_event_request_seq_idx on request_event (request_id, seq);
drop index request_event_request_idx;
