-- Work queues sorted by deadline (sort=dueAt: "most urgent first", and overdue=true).
--
-- The queries filter on several statuses at once (the open ones) or on none, so the
-- (status, due_at, id) and (administration_id, status, due_at, id) indexes of V3 cannot return rows
-- in deadline order: on 1 million requests PostgreSQL read every overdue request (300,000) and
-- sorted them, 1.7 s for OSEP's overdue queue, 0.95 s for an agent's queue by deadline. With the
-- deadline order in the index, the first page is the first 51 entries: under 2 ms.
-- Partial: only requests with a running deadline (due_at is set in RECEIVED, ROUTED, IN_PROGRESS and
-- UNDER_REVIEW), which the dueAt sort always asks for ("and r.due_at is not null" in WorkQueue).
-- On a large live table, create them CONCURRENTLY instead (outside a transaction).

create index citizen_request_due_idx on citizen_request (due_at, id) where due_at is not null;
create index citizen_request_admin_due_idx on citizen_request (administration_id, due_at, id) where due_at is not null;
