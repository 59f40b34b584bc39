-- Privacy rights (law 2013-450): erasure at a citizen's request, and retention of closed requests.
-- A request whose personal data are erased or past retention stays, with its type, category,
-- region, statuses and dates, so that every statistic stays as it was.

-- When the citizen's personal data were erased from the request (privacy/PersonalData).
alter table citizen_request add column personal_data_erased_at timestamptz;
-- When the retention job removed the contact, position and files of the closed request
-- (privacy/Retention); set once, so that the job never reads the request again.
alter table citizen_request add column retained_at timestamptz;

-- The retention job's query: the closed requests not yet past retention, oldest first.
create index citizen_request_retention_idx on citizen_request (closed_at)
    where retained_at is null and status in ('CLOSED', 'REJECTED');
