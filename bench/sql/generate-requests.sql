-- Fills a schema migrated by the application (Flyway V1..V4 at least) with synthetic requests and
-- their public timeline, for query plans and load tests. Run it on a database of its own, never on
-- production data.
--
-- Usage: psql "$DB" -v n=1000000 -f bench/sql/generate-requests.sql        (n defaults to 1,000,000)
--
-- What it creates:
--   * 20 administrations BENCH-A1..20 and 30 categories BENCH-C1..30 (kept if already there);
--   * n requests, one every 30 seconds up to now (1M requests span about 347 days), with a large
--     working backlog spread over the whole year (a pessimistic case for the queues: 30 % open,
--     nearly all of them overdue): RECEIVED 10 %, ROUTED 10 %, IN_PROGRESS 10 %, AWAITING_CITIZEN
--     2 %, UNDER_REVIEW 2 %, ANSWERED 10 %, REJECTED 2 %, CLOSED 54 %; type, channel, subject,
--     region, category and administration drawn independently (an administration for all but
--     RECEIVED requests);
--   * their events: SUBMITTED for each, plus the move that led to the current status (~1.9M rows).
--   Request number g has tracking code MIL-xxxx-xxxx (a bijection of g, see below) and access key
--   'bench-key-<g>' (stored as its SHA-256, like the application does).
--
-- It runs in one transaction and refuses to run twice on the same database (the tracking codes
-- would collide): drop and recreate the database, start the application once (Flyway), then rerun.
\set ON_ERROR_STOP on
\if :{?n}
\else
  \set n 1000000
\endif

select exists(select 1 from citizen_request where contact_email = 'citoyen1@bench.example.ci') as already_generated \gset
\if :already_generated
  \echo 'generate-requests.sql: synthetic requests are already there; recreate the database to generate again'
  \quit
\endif

\timing on
begin;

insert into administration (id, code, name, acronym, kind, answer_review_required, active, created_at, updated_at)
select gen_random_uuid(), 'BENCH-A' || g, 'Administration de test ' || g, 'BA' || g, 'MINISTRY', true, true, now(), now()
from generate_series(1, 20) g
on conflict (code) do nothing;

insert into category (id, code, label_fr, label_en, applicable_types, default_administration_id, active, created_at, updated_at)
select gen_random_uuid(), 'BENCH-C' || g, 'Catégorie de test ' || g, 'Test category ' || g,
       array['COMPLAINT', 'SUGGESTION', 'OBSERVATION']::varchar[],
       (select id from administration where code = 'BENCH-A' || (1 + g % 20)), true, now(), now()
from generate_series(1, 30) g
on conflict (code) do nothing;

create temporary table bench_admin on commit drop as
    select (row_number() over (order by code) - 1)::int as i, id from administration where code like 'BENCH-A%';
create temporary table bench_category on commit drop as
    select (row_number() over (order by code) - 1)::int as i, id from category where code like 'BENCH-C%';

-- One row per request with its attributes drawn once, then inserted as requests and events. Each
-- attribute is drawn independently (a fixed seed keeps runs identical), so that no administration,
-- category or type gets only some statuses.
select setseed(0.2026);
create temporary table bench_row on commit drop as
select g, status, submitted_at,
       -- the last move happened a day after submission, or now for the newest requests
       least(submitted_at + interval '1 day', now()) as status_changed_at,
       type_i, channel_i, subject_i, region_i, category_i, admin_i
from (select g,
             now() - ((:n - g) * interval '30 seconds') as submitted_at,
             case when p < 0.10 then 'RECEIVED'
                  when p < 0.20 then 'ROUTED'
                  when p < 0.30 then 'IN_PROGRESS'
                  when p < 0.32 then 'AWAITING_CITIZEN'
                  when p < 0.34 then 'UNDER_REVIEW'
                  when p < 0.44 then 'ANSWERED'
                  when p < 0.46 then 'REJECTED'
                  else 'CLOSED' end as status,
             1 + floor(random() * 5)::int as type_i,
             1 + floor(random() * 4)::int as channel_i,
             1 + floor(random() * 6)::int as subject_i,
             1 + floor(random() * 7)::int as region_i,
             floor(random() * 30)::int as category_i,
             floor(random() * 20)::int as admin_i
      from (select g, random() as p from generate_series(1, :n) g) d) s;

insert into citizen_request (id, tracking_code, access_key_hash, type, category_id, channel, subject, description,
        administration_id, region, locality, contact_email, preferred_language, anonymous, status, resume_status,
        qualified, rejection_reason, submitted_at, updated_at, status_changed_at, due_at, answered_at, closed_at,
        version)
select gen_random_uuid(),
       -- an odd multiplier modulo 2^32 is a bijection: unique, random-looking codes, all of them
       -- valid Crockford base32 (hexadecimal digits are a subset of its alphabet)
       'MIL-' || upper(substr(lpad(to_hex((r.g::bigint * 2654435761) % 4294967296), 8, '0'), 1, 4)) || '-'
              || upper(substr(lpad(to_hex((r.g::bigint * 2654435761) % 4294967296), 8, '0'), 5, 4)),
       encode(sha256(convert_to('bench-key-' || r.g, 'UTF8')), 'hex'),
       (array['COMPLAINT', 'COMPLAINT', 'COMPLAINT', 'SUGGESTION', 'OBSERVATION'])[r.type_i],
       c.id,
       (array['MOBILE', 'MOBILE', 'WEB', 'PHONE'])[r.channel_i],
       (array['Coupure d''électricité', 'Extrait de naissance introuvable', 'Route impraticable',
              'Retard de pension', 'Centre de santé fermé', 'Bourse non versée'])[r.subject_i] || ' n°' || r.g,
       'Description générée ' || r.g || ' : le service public concerné ne répond pas depuis plusieurs semaines.',
       case when r.status = 'RECEIVED' then null else a.id end,
       (array['Abidjan', 'Bouaké', 'Yamoussoukro', 'Korhogo', 'San-Pédro', 'Daloa', 'Man'])[r.region_i],
       'Localité ' || (r.g % 200),
       'citoyen' || r.g || '@bench.example.ci', 'fr', r.g % 13 = 0,
       r.status,
       case when r.status = 'AWAITING_CITIZEN' then 'IN_PROGRESS' end,
       r.status <> 'RECEIVED',
       case when r.status = 'REJECTED' then 'OUT_OF_SCOPE' end,
       r.submitted_at,
       r.status_changed_at,
       r.status_changed_at,
       -- the deadline of the current stage runs while OSEP or the administration holds the request
       case r.status when 'RECEIVED' then r.submitted_at + interval '1 day'
                     when 'ROUTED' then r.status_changed_at + interval '2 days'
                     when 'IN_PROGRESS' then r.status_changed_at + interval '15 days'
                     when 'UNDER_REVIEW' then r.status_changed_at + interval '10 days' end,
       case when r.status in ('ANSWERED', 'CLOSED') then r.status_changed_at end,
       case when r.status in ('CLOSED', 'REJECTED') then r.status_changed_at end,
       0
from bench_row r
join bench_category c on c.i = r.category_i
join bench_admin a on a.i = r.admin_i
order by r.g;

-- The public timeline: the submission, then the move to the current status.
insert into request_event (id, request_id, occurred_at, type, actor_id, actor_role, from_status, to_status, message, visibility)
select gen_random_uuid(), q.id, q.submitted_at, 'SUBMITTED', null, 'anonymous', null, 'RECEIVED', null, 'PUBLIC'
from citizen_request q
where q.contact_email like '%@bench.example.ci';

insert into request_event (id, request_id, occurred_at, type, actor_id, actor_role, from_status, to_status, message, visibility)
select gen_random_uuid(), q.id, q.status_changed_at,
       case q.status when 'ROUTED' then 'ROUTED' when 'IN_PROGRESS' then 'ACKNOWLEDGED'
                     when 'AWAITING_CITIZEN' then 'INFORMATION_REQUESTED' when 'UNDER_REVIEW' then 'ANSWER_SUBMITTED'
                     when 'ANSWERED' then 'ANSWER_DELIVERED' when 'REJECTED' then 'REJECTED' else 'CLOSED' end,
       null,
       case when q.status in ('IN_PROGRESS', 'AWAITING_CITIZEN', 'UNDER_REVIEW') then 'agent' else 'osep' end,
       case q.status when 'ROUTED' then 'RECEIVED' when 'IN_PROGRESS' then 'ROUTED'
                     when 'AWAITING_CITIZEN' then 'IN_PROGRESS' when 'UNDER_REVIEW' then 'IN_PROGRESS'
                     when 'ANSWERED' then 'UNDER_REVIEW' when 'REJECTED' then 'RECEIVED' else 'ANSWERED' end,
       q.status,
       case q.status when 'ROUTED' then a.name  -- like the application: the administration's name
                     when 'AWAITING_CITIZEN' then 'Merci de préciser la date de votre démarche.'
                     when 'REJECTED' then 'Cette demande ne relève pas du service public.' end,
       case when q.status = 'UNDER_REVIEW' then 'INTERNAL' else 'PUBLIC' end
from citizen_request q
left join administration a on a.id = q.administration_id
where q.contact_email like '%@bench.example.ci' and q.status <> 'RECEIVED';

commit;

-- Statistics for the planner and a visibility map for index-only scans, as autovacuum would do.
vacuum (analyze) administration, category, citizen_request, request_event;
\timing off

select status, count(*) from citizen_request group by status order by count(*) desc;
select count(*) as events from request_event;
