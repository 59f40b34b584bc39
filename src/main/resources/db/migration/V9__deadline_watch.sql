-- Deadlines: the working time left while a request waits for the citizen, whether each stage met
-- its deadline (for statistics), and which deadline the reminder, the overdue flag and the
-- escalation were already sent for (each is sent once per stage).
alter table citizen_request
    add column paused_remaining_seconds bigint,
    add column triage_met               boolean,
    add column acknowledgement_met      boolean,
    add column answer_met               boolean,
    add column acknowledged_at          timestamptz,
    add column reminded_due_at          timestamptz,
    add column overdue_due_at           timestamptz,
    add column escalated_due_at         timestamptz;

create index citizen_request_open_due_idx on citizen_request (due_at)
    where status in ('RECEIVED', 'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW');
