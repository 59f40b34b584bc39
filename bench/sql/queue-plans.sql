-- EXPLAIN ANALYZE of the work-queue queries the API runs (request/WorkQueue.java builds them; the
-- SQL below is what it sends for each filter, with the bound values written in: the page's ids
-- first, then their rows), and of the public
-- tracking lookup, on the data of generate-requests.sql.
--
-- Usage: psql "$DB" -f bench/sql/queue-plans.sql                (the agent's queues: ONECI's)
--        psql "$DB" -v admin=MAIRIE-ABOBO -f bench/sql/queue-plans.sql
-- `admin` is the code of the agent's administration (the dev seed's codes: ONECI receives about a fifth
-- of all requests, CIE a tenth, MAIRIE-ABOBO a few per thousand with a long overdue backlog).
-- Run it twice and read the second run: the first one also measures reading the table from disk.
\set ON_ERROR_STOP on
\pset pager off
\if :{?admin}
\else
  \set admin ONECI
\endif
select count(*) as requests from citizen_request;

-- Values the application would bind: one administration's id, a cursor 30 days back, a tracking code
-- and the caller's phone of that request.
select id as admin_id from administration where code = :'admin' \gset
select now() - interval '30 days' as after_time \gset
select tracking_code as some_code, id as some_id, contact_phone as some_phone
from citizen_request where contact_phone is not null order by tracking_code limit 1 \gset

\echo '--- Q1 OSEP: all requests, newest first (the default queue), first page'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1
      order by r.submitted_at desc, r.id desc
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.submitted_at desc, p.id desc;

\echo '--- Q2 OSEP: triage queue (status RECEIVED), most urgent first'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.status in ('RECEIVED') and r.due_at is not null
      order by r.due_at, r.id
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.due_at, p.id;

\echo '--- Q3 OSEP: one status (RECEIVED), newest first'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.status in ('RECEIVED')
      order by r.submitted_at desc, r.id desc
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.submitted_at desc, p.id desc;

\echo '--- Q4 Agent: own administration (the default agent queue), newest first'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.administration_id = :'admin_id'
      order by r.submitted_at desc, r.id desc
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.submitted_at desc, p.id desc;

\echo '--- Q5 Agent: own administration, open statuses, newest first, a later page (keyset)'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.status in ('ROUTED', 'IN_PROGRESS') and r.administration_id = :'admin_id'
        and (r.submitted_at, r.id) < (:'after_time', 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)
      order by r.submitted_at desc, r.id desc
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.submitted_at desc, p.id desc;

\echo '--- Q6 Agent: own administration, most urgent first'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.administration_id = :'admin_id' and r.due_at is not null
      order by r.due_at, r.id
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.due_at, p.id;

\echo '--- Q7 Agent: own administration, overdue, most urgent first'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.administration_id = :'admin_id'
        and r.due_at < now() and r.status in ('RECEIVED', 'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW')
        and r.due_at is not null
      order by r.due_at, r.id
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.due_at, p.id;

\echo '--- Q8 OSEP: overdue open requests, most urgent first'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.due_at < now() and r.status in ('RECEIVED', 'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW')
        and r.due_at is not null
      order by r.due_at, r.id
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.due_at, p.id;

\echo '--- Q8b OSEP: overdue open requests, newest first (GET /requests?overdue=true)'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.due_at < now() and r.status in ('RECEIVED', 'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW')
      order by r.submitted_at desc, r.id desc
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.submitted_at desc, p.id desc;

\echo '--- Q9 OSEP: French full-text search, newest first'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.search @@ websearch_to_tsquery('french', 'pension retard')
      order by r.submitted_at desc, r.id desc
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.submitted_at desc, p.id desc;

\echo '--- Q10 Operator: a caller''s request by tracking code and phone'
explain (analyze, buffers)
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.tracking_code = :'some_code' and r.contact_phone = :'some_phone'
      order by r.submitted_at desc, r.id desc
      limit 51) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.submitted_at desc, p.id desc;

\echo '--- T1 Public tracking: the request by its code, with its category and administration (RequestRepository.findForTracking)'
explain (analyze, buffers)
select r.id, r.tracking_code, r.access_key_hash, r.type, r.status, r.submitted_at, r.updated_at,
       r.due_at, c.id, c.code, c.label_fr, c.label_en, a.name
from citizen_request r
join category c on c.id = r.category_id
left join administration a on a.id = r.administration_id
where r.tracking_code = :'some_code';

\echo '--- T2 Public tracking: its public timeline (RequestRepository.events)'
explain (analyze, buffers)
select * from request_event where request_id = :'some_id' and visibility = 'PUBLIC' order by occurred_at, id;

-- After five executions of a prepared statement (pgjdbc prepares on the server from the fifth),
-- PostgreSQL may switch to a generic plan that does not know the bound values. The deadline
-- queries must keep their index then too.
set plan_cache_mode = force_generic_plan;

\echo '--- G8 Q8 as a generic plan (bound values unknown to the planner)'
prepare overdue(timestamptz, text, text, text, text, int) as
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.due_at < $1 and r.status in ($2, $3, $4, $5) and r.due_at is not null
      order by r.due_at, r.id
      limit $6) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.due_at, p.id;
explain (analyze, buffers) execute overdue(now(), 'RECEIVED', 'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW', 51);

\echo '--- G6 Q6 as a generic plan'
prepare agent_due(uuid, int) as
select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
       r.region, r.submitted_at, r.due_at
from (select r.id, r.submitted_at, r.due_at from citizen_request r
      where 1 = 1 and r.administration_id = $1 and r.due_at is not null
      order by r.due_at, r.id
      limit $2) p
join citizen_request r on r.id = p.id join category c on c.id = r.category_id
order by p.due_at, p.id;
explain (analyze, buffers) execute agent_due(:'admin_id', 51);

reset plan_cache_mode;
