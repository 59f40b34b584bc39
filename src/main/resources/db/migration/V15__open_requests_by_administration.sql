-- An agent's queue of open requests, newest first, walks only its administration's open requests,
-- and reads their status and deadline from the index (index-only): on 5 million requests a later
-- page of ONECI's ROUTED and IN_PROGRESS requests read 19,443 closed rows to skip them (368 ms).
create index if not exists citizen_request_admin_open_submitted_idx
    on citizen_request (administration_id, submitted_at desc, id desc) include (status, due_at)
    where status in ('RECEIVED', 'ROUTED', 'IN_PROGRESS', 'AWAITING_CITIZEN', 'UNDER_REVIEW');
