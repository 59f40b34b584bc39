-- Fills a database migrated by the application (Flyway, V10 at least) with a realistic national archive
-- of citizens' requests and their whole history, for statistics benchmarks, query plans and load tests.
-- Run it on a database of its own, never on production data. The statistics' daily roll-up (V11) is
-- left to the application, which builds it at start (bench/stats.sh waits for it).
--
-- Usage:  psql "$DB" -f bench/sql/generate-requests.sql                          (1,000,000 requests)
--         psql "$DB" -v n=5000000 -f bench/sql/generate-requests.sql             (5 years of 1M a year)
--         psql "$DB" -v n=200000 -v years=2 -f bench/sql/generate-requests.sql
-- Variables: n      number of requests (default 1000000);
--            years  length of the archive, ending now (default greatest(1, n / 1000000): about one
--                   million requests a year, the platform's national volume).
-- A fixed seed (setseed) and ids derived from the request number make runs reproducible: the same n
-- and years give the same rows, shifted to end at the time of the run (up to the few requests whose
-- next move falls just before or after it). On 2 cores, 1M requests take 3 to 3.5 minutes (wall-clock,
-- with the index builds and the final VACUUM ANALYZE) and 3.6 GB, 5M 16 to 18 minutes and 21 GB (V32).
--
-- What it creates
--   * Directory: the dev seed's 34 administrations and 32 categories (db/dev/R__dev_seed.sql, run here
--     if they are missing; idempotent). Staff accounts @bench.milie.test (password of bench/run.sh's
--     sysadmin, Bench-Admin-2026!): 20 OSEP agents (osep.1..), 6 supervisors, 12 call-centre
--     operators, 4 agents per administration (agent.<code>.1..4). Citizens' accounts (one-time-code
--     sign-in) for the requests submitted while signed in.
--   * Calendar: the rule-based public holidays (sla/FixedHolidays) of every year of the archive are
--     added to public_holiday, as sysadmin would have done; deadlines use them.
--   * n requests (citizen_request) with their events (request_event, ~7.7 per request), answers (answer:
--     DELIVERED, RETURNED, UNDER_REVIEW) and ratings (feedback). Request number g (1..n, in order of
--     submission) has tracking code MIL-xxxx-xxxx (a bijection of g in Crockford base32, see code())
--     and access key 'bench-key-<g>' (stored as its SHA-256 like the application does). The ROUTED,
--     HANDED_BACK and REROUTED events carry the administrations' ids in data, as the application writes
--     them (V16); the data of the other events is left null (the statistics do not read it).
--   Not generated: attachments, outbox messages (the relay reads only PENDING ones), idempotency records.
--
-- Realism assumptions
--   Volume     grows 30 % a year (adoption); monthly seasonality (January and October high, August and
--              December low); Monday busiest, weekends and public holidays at a third to a half;
--              daytime peak 9-11 h, quiet nights (Abidjan time = UTC). A day-to-day noise of ~12 %.
--   Categories Zipf-like volumes (s = 0.8: ETAT-CIVIL, ELECTRICITE, EAU ... first, the themes last) with
--              seasonal ones: exams in June-July, schools in September-October, universities in
--              October-November, water and electricity in the dry hot season, roads and sanitation in
--              the rainy season, taxes in March-April.
--   Routing    90 % to the category's default administration; otherwise the local authority of the
--              locality (Yopougon, Abobo, Bouaké, the Abidjan district), the parent ministry or another
--              one; themes and AUTRE go to the administrations of their sub-categories / any.
--              3 % are handed back by a wrong first administration, 2 % re-routed by OSEP.
--   Regions    the 31 regions and the districts of Abidjan and Yamoussoukro weighted by population
--              (2021 census; Abidjan ~21 %), localities and coordinates of their main towns, Abidjan's
--              communes; GPS position only from the mobile app (70 % of it).
--   Requests   COMPLAINT 65 %, SUGGESTION 20 %, OBSERVATION 15 %; MOBILE ~55 %, WEB ~30 %, PHONE ~15 %
--              (only when the call centre is open, Monday-Friday 8-18 h, entered by an operator);
--              10 % of suggestions and observations anonymous (no contact); complaints always carry an
--              e-mail or a phone; half of the mobile and a third of the web requests come from a
--              signed-in citizen (a few citizens submit many). French text from small word lists.
--   Lifecycle  the application's state machine and its bookkeeping (CitizenRequest): OSEP triage
--              (REJECTED 7 %: OUT_OF_SCOPE 40 %, INSUFFICIENT 25 %, DUPLICATE 25 % of an earlier
--              request, ABUSIVE 10 %; an explicit QUALIFIED before routing for 65 % of the others),
--              routing, acknowledgement, questions to the citizen (10 %: 2 % by OSEP at triage, 8 %
--              by the administration; 4 % never answered),
--              internal notes (15 %), answers reviewed by OSEP (returned with remarks ~10 %, never for
--              the trusted CIE and SODECI whose answers go straight out), feedback (~35 % of delivered
--              answers), closure when satisfied, by OSEP, or automatically 15 days after the answer;
--              reopening (~3 % of answered) for one more round; suggestions and observations closed
--              by OSEP once acknowledged (35 %). The deadline watch's DEADLINE_MISSED events (overdue,
--              escalation a day later) for the last deadline of each stage.
--   Timing     OSEP's and agents' moves happen in office hours (7:30-17:30) of working days; citizens'
--              at any time. Deadlines follow the default sla_policy (triage 1 working day,
--              acknowledgement 2, answer 3 for complaints and 10 for suggestions and observations; one
--              working day = 24 working hours, Monday-Friday minus public_holiday, UTC), pause while
--              awaiting the citizen (paused_remaining_seconds) and give triage_met, acknowledgement_met,
--              answer_met (~70-90 %). Durations are log-normal and scaled per administration: CNPS,
--              DGI, DECO, SODECI fast and reliable; AGEROUTE, MCLU, AFOR, Mairie d'Abobo chronically
--              late; all get ~30 % faster over the archive and slower in August and at year end.
--              acknowledgement_working_seconds and answer_working_seconds equal V10's
--              working_seconds_between(submitted_at, ...) (computed on the same calendar, checked below).
--   Backlog    old requests are terminal (CLOSED mostly, REJECTED ~7 %), ANSWERED ones are those of
--              the last 15 days; the open backlog (~2-4 %) is the last weeks' flow plus ~0.6 % of
--              stragglers stuck for months (more at slow administrations) and unanswered questions.
--   Ratings    J-shaped (5 ≈ 35 %, 4 ≈ 20 %, 3 ≈ 10 %, 2 ≈ 10 %, 1 ≈ 25 %), lower for late, returned
--              and slow answers and for poorly rated administrations; satisfied follows the rating.
--
-- How: one transaction. The rows are computed set-wise in temporary tables (a working-time coordinate
-- makes deadlines and working durations plain arithmetic), then inserted in order of submission, events
-- in chronological order per request (seq). The indexes (but those with an IN list in their predicate)
-- and the primary, unique and foreign keys of the loaded tables are dropped for the load and recreated
-- from their saved definitions (pg_indexes and pg_constraint are compared before and after: identical,
-- or the transaction aborts); then VACUUM ANALYZE. Most of the time goes into the French full-text
-- vector of each request (the generated column search), the events and the index builds.
-- It refuses to run twice on the same database: drop and recreate the database, start the application
-- once (Flyway: bench/run.sh with BENCH_MIGRATE_ONLY=1), then rerun.
\set ON_ERROR_STOP on
\if :{?n}
\else
  \set n 1000000
\endif
\if :{?years}
\else
  select greatest(1, :n / 1000000) as years \gset
\endif

select exists(select 1 from staff_account where email = 'osep.1@bench.milie.test') as already_generated \gset
\if :already_generated
  \echo 'generate-requests.sql: generated data is already there; recreate the database to generate again'
  \quit
\endif
\echo 'generate-requests.sql: ' :n ' requests over ' :years ' year(s)'

-- Session settings for a bulk load (temp_buffers must be set before the first temporary table).
set temp_buffers = '2GB';
set work_mem = '512MB';
set maintenance_work_mem = '1GB';
set synchronous_commit = off;
set timezone = 'UTC';
set jit = off;
\timing on
begin;
select setseed(0.2026);

-- Directory ----------------------------------------------------------------------------------------
\ir ../../src/main/resources/db/dev/R__dev_seed.sql

-- The span: whole days from `years` ago to now; day 0 of the working-time coordinate is 14 days
-- before, the calendar reaches 400 days after now (deadlines of open requests, far-off moves).
create temp table gen_span as
select extract(epoch from date_trunc('second', now()))::int8 as now_e,
       extract(epoch from date_trunc('day', now() - :years * interval '1 year'))::int8 as start_e,
       extract(epoch from date_trunc('day', now() - :years * interval '1 year') - interval '14 days')::int8 as origin_e,
       :n::int8 as n;
select now_e, start_e, origin_e, now_e + 100::int8 * 365 * 86400 as far_e from gen_span \gset

-- Calendar: the rule-based holidays of every year of the archive (FixedHolidays: fixed days, Easter
-- Monday, Ascension, Whit Monday; Easter by the anonymous Gregorian algorithm).
insert into public_holiday (holiday_date, name_fr, name_en, created_at, updated_at)
select h.d, h.fr, h.en, now(), now()
from generate_series(extract(year from to_timestamp(:origin_e))::int, extract(year from now())::int + 1) y
cross join lateral (
    select y % 19 as a, y / 100 as b, y % 100 as c) s1
cross join lateral (
    select (19 * s1.a + s1.b - s1.b / 4 - (s1.b - (s1.b + 8) / 25 + 1) / 3 + 15) % 30 as hh) s2
cross join lateral (
    select (32 + 2 * (s1.b % 4) + 2 * (s1.c / 4) - s2.hh - s1.c % 4) % 7 as l) s3
cross join lateral (
    select make_date(y, (s2.hh + s3.l - 7 * ((s1.a + 11 * s2.hh + 22 * s3.l) / 451) + 114) / 31,
                     (s2.hh + s3.l - 7 * ((s1.a + 11 * s2.hh + 22 * s3.l) / 451) + 114) % 31 + 1) as easter) s4
cross join lateral (values
    (make_date(y, 1, 1), 'Jour de l''An', 'New Year''s Day'),
    (s4.easter + 1, 'Lundi de Pâques', 'Easter Monday'),
    (make_date(y, 5, 1), 'Fête du Travail', 'Labour Day'),
    (s4.easter + 39, 'Ascension', 'Ascension Day'),
    (s4.easter + 50, 'Lundi de Pentecôte', 'Whit Monday'),
    (make_date(y, 8, 7), 'Fête nationale de l''Indépendance', 'Independence Day'),
    (make_date(y, 8, 15), 'Assomption', 'Assumption Day'),
    (make_date(y, 11, 1), 'Toussaint', 'All Saints'' Day'),
    (make_date(y, 11, 15), 'Journée nationale de la Paix', 'National Peace Day'),
    (make_date(y, 12, 25), 'Noël', 'Christmas Day')) as h (d, fr, en)
on conflict (holiday_date) do nothing;

-- Day j of the coordinate: whether it is a working day, and how many working days come before it.
-- W(t), the working time from day 0 to t, makes working durations differences (W(b) - W(a) is
-- working_seconds_between(a, b)) and deadlines inverse images (addWorkingTime(t, d) = at(W(t) + d)).
create temp table gen_day as
select j, d, works, (sum(works) over (order by j) - works)::int as wdb
from (select j, d, (extract(isodow from d) < 6 and not exists (
              select 1 from public_holiday h where h.holiday_date = d))::int as works
      from (select j, (to_timestamp(:origin_e) at time zone 'UTC')::date + j as d
            from generate_series(0, ((:now_e - :origin_e) / 86400 + 400)::int) j) x) y;

-- Helper functions, inlined by the planner (single-expression SQL): the calendar arrays are constants.
do $do$
declare
    v_works text; v_wdb text; v_wday text; maxj int; maxk int; o int8;
begin
    select '[0:' || max(j) || ']=' || array_agg(works order by j)::text,
           '[0:' || max(j) || ']=' || array_agg(wdb order by j)::text, max(j)
      into v_works, v_wdb, maxj from gen_day;
    select '[0:' || (count(*) - 1) || ']=' || array_agg(j order by j)::text, count(*) - 1
      into v_wday, maxk from gen_day where works = 1;
    select origin_e into o from gen_span;
    -- W(t): working seconds from day 0 to the epoch second t
    execute format('create function pg_temp.w(t int8) returns int8 language sql immutable as %L',
        format('select 86400::int8 * (%L::int4[])[least((t - %s) / 86400, %s)::int4]'
               ' + (%L::int4[])[least((t - %s) / 86400, %s)::int4] * ((t - %s) %% 86400)',
               v_wdb, o, maxj, v_works, o, maxj, o));
    -- at(x): the earliest epoch second t with W(t) = x (x > 0): the deadline of an allowance
    execute format('create function pg_temp.at(x int8) returns int8 language sql immutable as %L',
        format('select %s + 86400::int8 * (%L::int4[])[least((x - 1) / 86400, %s)::int4]'
               ' + x - 86400::int8 * least((x - 1) / 86400, %s)', o, v_wday, maxk, maxk));
end
$do$;
-- office(x, u): a staff move due at working time x happens in office hours: before 7:30 it waits for
-- the morning, after 17:30 for the next working morning (7:30 to 11:30, u in [0, 1)).
create function pg_temp.office(x int8, u float8) returns int8 language sql immutable as
$$ select case when x % 86400 < 27000 then x - x % 86400 + 27000 + (u * 14400)::int8
               when x % 86400 >= 63000 then x - x % 86400 + 113400 + (u * 14400)::int8
               else x end $$;
-- h(g, a): a cheap deterministic uniform in [0, 1) for picks that need no seed (texts, minutes)
create function pg_temp.h(g int8, a int8) returns float8 language sql immutable as
$$ select ((g * a) % 4294967296)::float8 / 4294967296 $$;
-- A version-4-shaped UUID derived from a name (few rows) or from a number e < 2^31 (bulk: four 32-bit
-- multiplicative hashes of e, the first one a bijection, so distinct numbers give distinct ids): ids
-- are reproducible. Numbers: 64 g + 40 request g, 64 g + k its k-th event (k <= 37), 64 g + 40 + k its
-- k-th answer, 64 g + 44 + k its k-th rating, 64 c + 47 citizen c.
create function pg_temp.uid(s text, v int8) returns uuid language sql immutable as
$$ select overlay(overlay(md5(s) placing '4' from 13) placing substr('89ab', 1 + (v % 4)::int4, 1) from 17)::uuid $$;
create function pg_temp.nid(e int8) returns uuid language sql immutable as
$$ select encode(int8send(((((e * 2654435761) & 4294967295) << 32) | ((e * 2246822519 + 3266489917) & 4294967295)) & -61441 | 16384)
              || int8send(((((e * 668265263 + 374761393) & 4294967295) << 32) | ((e * 1181783497 + 1609587929) & 4294967295))
                          & 4611686018427387903 | -9223372036854775808), 'hex')::uuid $$;
-- The tracking code of request g: a bijection of 40 bits (odd multiplier, xor-shift, odd multiplier)
-- written as 8 Crockford base32 characters.
create function pg_temp.mix(g int8) returns int8 language sql immutable as
$$ select ((((g * 48271321) & 1099511627775) # (((g * 48271321) & 1099511627775) >> 17)) * 4194301 & 1099511627775) $$;
create function pg_temp.code32(x int8) returns text language sql immutable as
$$ select 'MIL-' || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((x >> 35) & 31)::int4 + 1, 1)
                 || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((x >> 30) & 31)::int4 + 1, 1)
                 || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((x >> 25) & 31)::int4 + 1, 1)
                 || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((x >> 20) & 31)::int4 + 1, 1) || '-'
                 || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((x >> 15) & 31)::int4 + 1, 1)
                 || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((x >> 10) & 31)::int4 + 1, 1)
                 || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((x >> 5) & 31)::int4 + 1, 1)
                 || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (x & 31)::int4 + 1, 1) $$;
create function pg_temp.code(g int8) returns text language sql immutable as
$$ select pg_temp.code32(pg_temp.mix(g)) $$;
-- A standard normal from two uniforms (Box-Muller)
create function pg_temp.nz(u1 float8, u2 float8) returns float8 language sql immutable as
$$ select sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2) $$;

-- Administrations: index, performance profile (speed scales every duration of theirs: 1 is the
-- platform's median; quality shifts their ratings; stall: share of requests they forget for months).
create temp table gen_adm as
select row_number() over (order by a.code)::int4 as i, a.id, a.code, a.name,
       not a.answer_review_required as trusted,
       coalesce(p.speed, 1.3)::float8 as speed, coalesce(p.quality, 0.0)::float8 as quality
from administration a
left join (values
    ('CNPS', 0.45, 0.45), ('DGI', 0.5, 0.25), ('DECO', 0.5, 0.3), ('SODECI', 0.55, 0.2), ('DST', 0.6, 0.35),
    ('CIE', 0.7, -0.2), ('ONECI', 0.8, 0.1), ('MFB', 0.8, 0.1), ('CGRAE', 0.9, -0.1), ('SOTRA', 0.9, 0.0),
    ('MENA', 1.0, 0.0), ('MFPMA', 1.0, -0.1), ('CNAM', 1.1, -0.15), ('DGTTC', 1.1, -0.1), ('MESRS', 1.2, -0.1),
    ('MIS', 1.2, 0.0), ('MT', 1.3, 0.0), ('MMPE', 1.3, -0.05), ('MEPS', 1.4, -0.1), ('MSHPCMU', 1.5, -0.25),
    ('MINADER', 1.5, 0.0), ('MINHAS', 1.6, -0.1), ('MAIRIE-YOPOUGON', 1.6, -0.15), ('DAA', 1.7, -0.2),
    ('MAEIIE', 1.8, -0.2), ('DGPN', 1.9, -0.45), ('MEER', 2.0, -0.3), ('MAIRIE-BOUAKE', 2.0, -0.2),
    ('ANAGED', 2.1, -0.35), ('MJDH', 2.2, -0.3), ('AFOR', 2.3, -0.3), ('AGEROUTE', 2.4, -0.4),
    ('MCLU', 2.6, -0.45), ('MAIRIE-ABOBO', 2.8, -0.5)) as p (code, speed, quality) on p.code = a.code
where a.active;
analyze gen_adm;
select count(*) as na from gen_adm \gset

-- Staff: OSEP, supervisors, call-centre operators, 4 agents per administration.
create temp table gen_first (i, name) as
select ordinality::int4, name from unnest(array['Awa', 'Aminata', 'Fatou', 'Mariam', 'Adjoua', 'Akissi', 'Amenan',
    'Affoué', 'Aya', 'Ahou', 'Kadiatou', 'Salimata', 'Nadège', 'Christelle', 'Estelle', 'Bintou', 'Rokia', 'Koffi',
    'Kouassi', 'Kouamé', 'Konan', 'Yao', 'Kouadio', 'Yapi', 'N''Guessan', 'Moussa', 'Ibrahim', 'Seydou', 'Drissa',
    'Bakary', 'Souleymane', 'Lacina', 'Jean-Marc', 'Serge', 'Hervé', 'Didier', 'Arnaud', 'Franck', 'Roland',
    'Sylvie']) with ordinality as t (name, ordinality);
create temp table gen_last (i, name) as
select ordinality::int4, name from unnest(array['Traoré', 'Koné', 'Ouattara', 'Coulibaly', 'Diabaté', 'Bamba', 'Touré',
    'Cissé', 'Diallo', 'Kouassi', 'Kouamé', 'Konan', 'Yao', 'N''Guessan', 'Kouadio', 'Koffi', 'Aka', 'Brou',
    'Gnagne', 'Zadi', 'Bléhoué', 'Dago', 'Tapé', 'Séri', 'Gohi', 'Kra', 'Ehui', 'Assi', 'Amani', 'Yéo', 'Soro',
    'Silué', 'Tuo', 'Fofana', 'Sangaré', 'Doumbia', 'Kanté', 'Sylla', 'Dosso', 'Bakayoko', 'Camara', 'Kacou',
    'Adou', 'Loukou', 'Ahoua']) with ordinality as t (name, ordinality);
select array_agg(name order by i)::text as first_names, count(*) as nfirst from gen_first \gset
select array_agg(name order by i)::text as last_names, count(*) as nlast from gen_last \gset

create temp table gen_staff as
select pg_temp.uid('staff-' || s.kind || '-' || s.admin_i || '-' || s.k, s.k) as id, s.*
from (select 'osep' as kind, 0 as admin_i, k, 'osep' as role, 'osep.' || k as local from generate_series(1, 20) k
      union all
      select 'supervisor', 0, k, 'supervisor', 'supervision.' || k from generate_series(1, 6) k
      union all
      select 'operator', 0, k, 'operator', 'operateur.' || k from generate_series(1, 12) k
      union all
      select 'agent', a.i, k, 'agent', 'agent.' || lower(a.code) || '.' || k from gen_adm a, generate_series(1, 4) k) s;
insert into staff_account (id, email, full_name, role, administration_id, active, password_hash, created_at, updated_at)
select s.id, s.local || '@bench.milie.test',
       (:'first_names'::text[])[1 + (abs(hashtext(s.local)) % :nfirst)] || ' '
           || (:'last_names'::text[])[1 + (abs(hashtext(s.local || '.')) % :nlast)],
       s.role, a.id, true,
       -- bcrypt (cost 12) of Bench-Admin-2026!, bench/run.sh's sysadmin password
       '$2a$12$JAkxTFmYfNtdkC7aY6I8l..9rwTF2sv2MOFBMS4799F0o82O0tY8W',
       to_timestamp(:start_e - 30 * 86400), to_timestamp(:start_e - 30 * 86400)
from gen_staff s left join gen_adm a on a.i = s.admin_i;
select array_agg(id order by k)::text as osep_ids from gen_staff where kind = 'osep' \gset
select array_agg(id order by k)::text as operator_ids from gen_staff where kind = 'operator' \gset
select array_agg(id order by admin_i, k)::text as agent_ids from gen_staff where kind = 'agent' \gset

-- Categories: popularity (Zipf-like rank), seasonality (12 monthly factors), the words of their
-- requests, and where OSEP routes those not sent to the default administration.
create temp table gen_cat_text (code, rank, season, subj_c, subj_s, subj_o, details) as values
('ETAT-CIVIL', 1, null::float8[],
 array['Extrait de naissance introuvable', 'Retard de délivrance d''un acte de naissance', 'Erreur sur mon acte de mariage', 'Acte de décès non délivré'],
 array['Numériser les registres d''état civil', 'Délivrer les extraits de naissance en ligne'],
 array['Longue attente au service de l''état civil', 'Registres d''état civil en mauvais état'],
 array['J''ai déposé ma demande d''extrait de naissance à la mairie il y a plusieurs mois et je n''ai toujours rien reçu.',
       'Mon nom est mal orthographié sur l''acte et on me demande de refaire toute la procédure.',
       'On me renvoie d''un guichet à l''autre sans jamais me remettre le document.']),
('ELECTRICITE', 2, array[1, 1.1, 1.6, 1.8, 1.5, 1, 0.9, 0.8, 0.9, 0.9, 0.9, 1]::float8[],
 array['Coupure d''électricité', 'Délestages répétés', 'Compteur prépayé défectueux', 'Facture d''électricité contestée'],
 array['Prévenir les clients avant les coupures programmées', 'Éclairage public solaire'],
 array['Poteau électrique dangereux', 'Câbles électriques à terre après l''orage'],
 array['Depuis lundi dernier le quartier n''a plus de courant.',
       'Les coupures reviennent chaque soir et ont endommagé nos appareils électriques.',
       'Le compteur prépayé n''accepte plus les recharges et l''agence ne répond pas.']),
('EAU', 3, array[1.1, 1.5, 1.7, 1.4, 1, 0.9, 0.8, 0.8, 0.9, 0.9, 1, 1.1]::float8[],
 array['Coupure d''eau prolongée', 'Facture d''eau anormalement élevée', 'Branchement d''eau non réalisé', 'Eau du robinet trouble'],
 array['Installer des bornes-fontaines dans le quartier'],
 array['Fuite d''eau sur la voie publique', 'Faible pression d''eau le soir'],
 array['Le quartier n''a pas d''eau courante depuis plus d''une semaine.',
       'La facture de ce mois est trois fois plus élevée que d''habitude sans raison.',
       'J''ai payé mon branchement il y a quatre mois et personne n''est venu.']),
('CNI', 4, null,
 array['Carte nationale d''identité non disponible', 'Retard de production de ma CNI', 'Récépissé d''enrôlement expiré'],
 array['Informer par SMS quand la CNI est prête', 'Ouvrir plus de centres d''enrôlement'],
 array['Affluence au centre d''enrôlement', 'Frais d''enrôlement mal affichés'],
 array['Je me suis fait enrôler il y a six mois et ma carte n''est toujours pas disponible au centre.',
       'Mon récépissé a expiré et je ne peux plus faire mes démarches à la banque.',
       'Le centre d''enrôlement me demande de repasser chaque semaine sans explication.']),
('CENTRES-SANTE', 5, null,
 array['Mauvais accueil au centre de santé', 'Médicaments indisponibles à l''hôpital', 'Attente interminable aux urgences', 'Centre de santé fermé'],
 array['Ouvrir une pharmacie de garde au CHU', 'Afficher les tarifs des actes médicaux'],
 array['Manque d''hygiène à la maternité', 'Équipement en panne au centre de santé'],
 array['Nous avons attendu plus de six heures aux urgences sans être reçus par un médecin.',
       'Le personnel exige de l''argent avant toute prise en charge, même pour les urgences.',
       'Les médicaments prescrits ne sont jamais disponibles à la pharmacie de l''hôpital.']),
('SALUBRITE', 6, array[0.9, 0.9, 0.9, 1, 1.3, 1.7, 1.5, 1, 1, 1.2, 1.1, 1]::float8[],
 array['Ordures non ramassées', 'Dépôt sauvage d''ordures', 'Caniveau bouché'],
 array['Installer des bacs à ordures dans le marché'],
 array['Eaux usées stagnantes', 'Odeurs près de la décharge'],
 array['Les ordures ne sont plus ramassées depuis deux semaines et les odeurs sont insupportables.',
       'Un dépôt sauvage grandit chaque jour devant l''école.',
       'Le caniveau bouché inonde les maisons à chaque pluie.']),
('ROUTES', 7, array[0.9, 0.9, 0.9, 1, 1.3, 1.7, 1.5, 1, 1, 1.2, 1.1, 0.9]::float8[],
 array['Route impraticable', 'Nids-de-poule dangereux', 'Pont effondré', 'Éclairage public en panne'],
 array['Bitumer la route du marché', 'Installer des ralentisseurs devant l''école'],
 array['Route dégradée après les pluies', 'Chantier abandonné'],
 array['La route est devenue impraticable depuis les dernières pluies.',
       'Les nids-de-poule ont déjà causé plusieurs accidents de moto.',
       'Le chantier de la route est abandonné depuis des mois.']),
('CMU', 8, null,
 array['Prise en charge CMU refusée', 'Carte CMU non reçue', 'Cotisations CMU prélevées sans carte'],
 array['Étendre la CMU aux pharmacies privées du quartier'],
 array['Pharmacies qui refusent la carte CMU'],
 array['La pharmacie a refusé ma carte CMU alors que mes cotisations sont à jour.',
       'Je suis enrôlé depuis un an et je n''ai jamais reçu ma carte.']),
('EXAMENS', 9, array[0.6, 0.6, 0.7, 0.8, 1, 2.5, 2.8, 1.5, 1, 0.7, 0.6, 0.6]::float8[],
 array['Convocation au BEPC non reçue', 'Erreur dans les résultats du BAC', 'Diplôme du CEPE non délivré', 'Relevé de notes introuvable'],
 array['Publier les résultats des examens par SMS'],
 array['Fraude constatée pendant l''examen'],
 array['Mon enfant est inscrit mais n''a jamais reçu sa convocation pour l''examen.',
       'Le relevé de notes comporte une erreur de nom et l''attestation est bloquée.',
       'Cela fait deux ans que j''attends mon diplôme.']),
('ECOLES', 10, array[1, 0.9, 0.9, 0.8, 0.8, 0.8, 0.4, 0.4, 1.8, 2, 1.3, 0.8]::float8[],
 array['Frais d''inscription exigés illégalement', 'Absence d''enseignants à l''école', 'Classe surchargée'],
 array['Construire des latrines à l''école du quartier', 'Cantine scolaire pour les élèves'],
 array['Salle de classe délabrée', 'Élèves assis à même le sol'],
 array['L''établissement réclame des frais annexes qui ne figurent sur aucun texte officiel.',
       'Les élèves n''ont pas eu cours de mathématiques depuis la rentrée faute d''enseignant.',
       'Plus de quatre-vingts élèves sont entassés dans une seule salle.']),
('RETRAITE-CGRAE', 11, null,
 array['Pension de fonctionnaire non versée', 'Retard de liquidation de ma pension', 'Pension de réversion bloquée'],
 array['Certificat de vie en ligne pour les retraités'],
 array['Retraités obligés de se déplacer pour le certificat de vie'],
 array['Je suis à la retraite depuis huit mois et ma pension n''est toujours pas liquidée.',
       'La pension de réversion de ma mère est suspendue sans motif.',
       'Le retard de pension nous met en grande difficulté.']),
('TRANSPORT-PUBLIC', 12, null,
 array['Bus en retard', 'Mauvais comportement d''un chauffeur', 'Bateau-bus supprimé'],
 array['Nouvelle ligne de bus vers le quartier', 'Paiement des tickets par mobile money'],
 array['Bus bondés aux heures de pointe'],
 array['Le bus de la ligne ne passe plus qu''une fois par heure le matin.',
       'Le chauffeur a refusé de s''arrêter à l''arrêt et a insulté les passagers.',
       'Les usagers attendent des heures sous le soleil.']),
('POLICE', 13, null,
 array['Racket à un barrage', 'Plainte non enregistrée au commissariat', 'Mauvais accueil au commissariat'],
 array['Patrouilles de nuit dans le quartier'],
 array['Insécurité grandissante dans le quartier'],
 array['Des agents exigent de l''argent aux transporteurs à chaque passage.',
       'Le commissariat a refusé d''enregistrer ma plainte pour vol.',
       'Les agressions se multiplient la nuit.']),
('PERMIS-CARTE-GRISE', 14, null,
 array['Permis de conduire non délivré', 'Carte grise en attente depuis des mois', 'Résultats du code de la route non publiés'],
 array['Prise de rendez-vous en ligne pour le permis'],
 array['Intermédiaires devant le guichet des cartes grises'],
 array['J''ai réussi mon examen de conduite mais le permis n''est toujours pas disponible.',
       'Le dossier de mutation de ma carte grise est bloqué sans explication.']),
('FONCIER-URBAIN', 15, null,
 array['ACD en attente depuis des années', 'Permis de construire non délivré', 'Litige sur un lot attribué deux fois'],
 array['Cadastre consultable en ligne'],
 array['Constructions sur une zone non lotie'],
 array['Mon dossier d''arrêté de concession définitive est en cours depuis trois ans.',
       'Le même lot a été attribué à deux personnes par le service.',
       'La demande de permis de construire est bloquée sans explication.']),
('RETRAITE-CNPS', 16, null,
 array['Retard de paiement de pension CNPS', 'Dossier de retraite CNPS bloqué', 'Allocations familiales non versées'],
 array['Paiement des pensions par mobile money'],
 array['Longues files d''attente à l''agence CNPS'],
 array['Ma pension de retraite n''a pas été versée depuis trois mois.',
       'Mon dossier de liquidation de retraite est en cours depuis un an.',
       'Les allocations familiales ne sont plus payées depuis le changement d''employeur.']),
('UNIVERSITES', 17, array[1, 0.9, 0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 1.1, 1.6, 1.8, 1.3]::float8[],
 array['Bourse non versée', 'Orientation universitaire contestée', 'Inscription universitaire bloquée'],
 array['Paiement des bourses par mobile money', 'Plus de places en cité universitaire'],
 array['Amphithéâtres surchargés'],
 array['Ma bourse d''études n''a pas été versée depuis le début de l''année académique.',
       'Je n''ai pas été orienté dans la filière demandée malgré mes notes.',
       'Le système d''inscription en ligne est bloqué depuis des semaines.']),
('AUTRE', 18, null,
 array['Demande restée sans suite', 'Mauvais accueil dans un service public', 'Service public injoignable'],
 array['Améliorer l''accueil dans les services publics', 'Allonger les horaires d''ouverture des guichets'],
 array['Affichage des horaires absent', 'Service public fermé pendant les heures d''ouverture'],
 array['Ma demande déposée dans un service public est restée sans réponse malgré plusieurs relances.',
       'Le guichet était fermé pendant les heures d''ouverture affichées.',
       'Personne ne sait me dire quel service est compétent pour mon dossier.']),
('PASSEPORT', 19, null,
 array['Passeport non délivré', 'Rendez-vous de passeport annulé', 'Erreur sur mon passeport'],
 array['Suivi en ligne des demandes de passeport'],
 array['Attente très longue au centre de passeports'],
 array['J''ai payé les frais et déposé mon dossier de passeport mais la date de retrait est sans cesse repoussée.',
       'Mon voyage approche et je n''ai aucune nouvelle de mon passeport.']),
('FONCTION-PUBLIQUE', 20, null,
 array['Prise de service non effective', 'Rappel de salaire non payé', 'Résultats du concours contestés'],
 array['Dématérialiser les actes de carrière'],
 array['Lenteurs dans le traitement des actes administratifs'],
 array['J''ai pris service il y a un an et je ne perçois toujours pas de salaire.',
       'Mon avancement a été validé mais le rappel n''est jamais payé.',
       'Mon nom ne figure pas sur la liste malgré mon admission.']),
('IMPOTS', 21, array[1, 1.1, 1.4, 1.6, 1.1, 0.9, 0.9, 0.8, 0.9, 0.9, 0.9, 1]::float8[],
 array['Impôt foncier réclamé à tort', 'Attestation de régularité fiscale bloquée', 'Remboursement de crédit de TVA en retard'],
 array['Simplifier la déclaration en ligne'],
 array['Site des impôts indisponible'],
 array['On me réclame l''impôt foncier d''un terrain que j''ai vendu il y a cinq ans.',
       'Mon attestation de régularité fiscale est bloquée alors que je suis à jour.',
       'La plateforme de déclaration en ligne est indisponible à la date limite.']),
('EMPLOI', 22, null,
 array['Salaire impayé par mon employeur', 'Licenciement abusif', 'Non-déclaration à la CNPS'],
 array['Guichet unique pour les jeunes chercheurs d''emploi'],
 array['Offres d''emploi frauduleuses'],
 array['Mon employeur ne paie plus les salaires depuis trois mois.',
       'J''ai été licencié sans préavis ni indemnités.',
       'Mon employeur ne me déclare pas à la CNPS.']),
('JUSTICE', 23, null,
 array['Casier judiciaire non délivré', 'Certificat de nationalité en attente', 'Audience reportée sans cesse'],
 array['Délivrer le casier judiciaire en ligne'],
 array['Lenteur au greffe du tribunal'],
 array['Ma demande de casier judiciaire est en attente depuis deux mois.',
       'Le certificat de nationalité est exigé pour un concours et le greffe ne le délivre pas.',
       'L''audience a été reportée cinq fois.']),
('FONCIER-RURAL', 24, null,
 array['Certificat foncier non délivré', 'Conflit de limites entre villages'],
 array['Délimiter les territoires villageois'],
 array['Ventes de terres sans certificat'],
 array['Le certificat foncier de notre plantation n''est toujours pas délivré.',
       'Un conflit de limites oppose notre village au village voisin depuis des mois.']),
('DIASPORA', 25, null,
 array['Consulat injoignable', 'Transcription d''acte bloquée au consulat'],
 array['Permettre les démarches consulaires en ligne'],
 array['Horaires du consulat non respectés'],
 array['Je vis à l''étranger et le consulat ne répond ni au téléphone ni aux courriels.',
       'Ma demande de transcription d''acte de mariage est bloquée depuis un an.']);

-- Generic words for the themes and any category the dev seed gains later.
create temp table gen_cat as
select row_number() over (order by c.code)::int4 as i, c.id, c.code,
       1.0 / power(coalesce(t.rank, 26 + (abs(hashtext(c.code)) % 7)), 0.8) as weight,
       coalesce(t.season, array_fill(1.0::float8, array[12])) as season,
       coalesce(t.subj_c, g.subj_c) as subj_c, coalesce(t.subj_s, g.subj_s) as subj_s,
       coalesce(t.subj_o, g.subj_o) as subj_o, coalesce(t.details, g.details) as details,
       d.i as default_i, dp.i as parent_i,
       -- where OSEP sends requests of a category without a default administration: those of its
       -- sub-categories, or any administration (AUTRE)
       coalesce((select array_agg(distinct a.i) from category s join gen_adm a on a.id = s.default_administration_id
                 where s.parent_id = c.id),
                (select array_agg(i order by i) from gen_adm)) as cands
from category c
left join gen_cat_text t on t.code = c.code
cross join (select subj_c, subj_s, subj_o, details from gen_cat_text where code = 'AUTRE') g
left join gen_adm d on d.id = c.default_administration_id
left join administration da on da.id = c.default_administration_id
left join gen_adm dp on dp.id = da.parent_id
where c.active and c.applicable_types @> array['COMPLAINT', 'SUGGESTION', 'OBSERVATION']::varchar[];
analyze gen_cat;
select count(*) as nc from gen_cat \gset
-- The month blocks of the category distribution: in month m, category i is drawn when m - 1 + u
-- falls in its slice (width_bucket over the lower bounds).
select array_agg(m - 1 + lo order by m, i)::text as cat_cdf
from (select m, i, coalesce(sum(w) over (partition by m order by i rows between unbounded preceding and 1 preceding), 0)
                   / sum(w) over (partition by m) as lo
      from (select m, c.i, c.weight * c.season[m] as w from gen_cat c, generate_series(1, 12) m) x) y \gset

-- Regions (2021 census population, thousands), their localities (main town first) with weights,
-- coordinates, and the local authority among the administrations, if any.
create temp table gen_reg_src (name, pop, locs) as values
('Abidjan', 6321, array[['Yopougon', '1.6', '5.336', '-4.087', 'MAIRIE-YOPOUGON'], ['Abobo', '1.3', '5.432', '-4.020', 'MAIRIE-ABOBO'],
    ['Cocody', '0.7', '5.360', '-3.980', 'DAA'], ['Adjamé', '0.37', '5.370', '-4.020', 'DAA'], ['Koumassi', '0.43', '5.290', '-3.950', 'DAA'],
    ['Port-Bouët', '0.62', '5.255', '-3.930', 'DAA'], ['Marcory', '0.25', '5.300', '-3.980', 'DAA'], ['Treichville', '0.1', '5.292', '-4.010', 'DAA'],
    ['Attécoubé', '0.3', '5.335', '-4.040', 'DAA'], ['Plateau', '0.15', '5.320', '-4.020', 'DAA'], ['Bingerville', '0.2', '5.355', '-3.890', 'DAA'],
    ['Anyama', '0.25', '5.490', '-4.050', 'DAA'], ['Songon', '0.2', '5.320', '-4.250', 'DAA']]),
('Yamoussoukro', 423, array[['Yamoussoukro', '6', '6.820', '-5.277', ''], ['Attiégouakro', '1', '6.780', '-5.100', '']]),
('Agnéby-Tiassa', 727, array[['Agboville', '6', '5.928', '-4.213', ''], ['Tiassalé', '2', '5.898', '-4.823', ''], ['Sikensi', '1', '5.676', '-4.576', '']]),
('Bafing', 252, array[['Touba', '6', '8.283', '-7.683', ''], ['Koro', '2', '8.550', '-7.467', '']]),
('Bagoué', 521, array[['Boundiali', '6', '9.521', '-6.487', ''], ['Tengréla', '3', '10.487', '-6.410', '']]),
('Bélier', 440, array[['Toumodi', '6', '6.552', '-5.019', ''], ['Tiébissou', '2', '7.158', '-5.225', '']]),
('Béré', 490, array[['Mankono', '6', '8.059', '-6.190', ''], ['Kounahiri', '2', '7.792', '-5.836', '']]),
('Bounkani', 427, array[['Bouna', '6', '9.270', '-3.001', ''], ['Doropo', '2', '9.810', '-3.346', '']]),
('Cavally', 660, array[['Guiglo', '6', '6.544', '-7.493', ''], ['Blolequin', '2', '6.568', '-8.001', ''], ['Toulépleu', '1', '6.578', '-8.410', '']]),
('Folon', 144, array[['Minignan', '6', '9.996', '-7.835', ''], ['Kaniasso', '2', '9.817', '-7.513', '']]),
('Gbêkê', 1353, array[['Bouaké', '8', '7.690', '-5.030', 'MAIRIE-BOUAKE'], ['Sakassou', '1', '7.455', '-5.292', ''], ['Béoumi', '1', '7.674', '-5.581', '']]),
('Gbôklé', 630, array[['Sassandra', '6', '4.950', '-6.085', ''], ['Fresco', '2', '5.083', '-5.567', '']]),
('Gôh', 1026, array[['Gagnoa', '6', '6.133', '-5.950', ''], ['Oumé', '2', '6.383', '-5.417', '']]),
('Gontougo', 970, array[['Bondoukou', '6', '8.040', '-2.800', ''], ['Tanda', '2', '7.803', '-3.168', '']]),
('Grands-Ponts', 440, array[['Dabou', '6', '5.325', '-4.377', ''], ['Jacqueville', '2', '5.205', '-4.418', ''], ['Grand-Lahou', '2', '5.137', '-5.024', '']]),
('Guémon', 1060, array[['Duékoué', '6', '6.742', '-7.349', ''], ['Bangolo', '2', '7.012', '-7.486', '']]),
('Hambol', 580, array[['Katiola', '6', '8.137', '-5.101', ''], ['Dabakala', '2', '8.363', '-4.433', '']]),
('Haut-Sassandra', 1610, array[['Daloa', '7', '6.877', '-6.450', ''], ['Issia', '2', '6.492', '-6.586', ''], ['Vavoua', '2', '7.382', '-6.478', '']]),
('Iffou', 350, array[['Daoukro', '6', '7.059', '-3.963', ''], ['M''Bahiakro', '2', '7.457', '-4.339', '']]),
('Indénié-Djuablin', 790, array[['Abengourou', '6', '6.730', '-3.496', ''], ['Agnibilékrou', '2', '7.131', '-3.204', '']]),
('Kabadougou', 290, array[['Odienné', '6', '9.510', '-7.569', ''], ['Madinani', '1', '9.611', '-6.940', '']]),
('La Mé', 690, array[['Adzopé', '6', '6.107', '-3.860', ''], ['Alépé', '2', '5.500', '-3.663', ''], ['Akoupé', '2', '6.384', '-3.888', '']]),
('Lôh-Djiboua', 950, array[['Divo', '6', '5.839', '-5.360', ''], ['Lakota', '2', '5.848', '-5.682', '']]),
('Marahoué', 1050, array[['Bouaflé', '6', '6.990', '-5.744', ''], ['Sinfra', '2', '6.621', '-5.912', ''], ['Zuénoula', '2', '7.430', '-6.052', '']]),
('Moronou', 420, array[['Bongouanou', '6', '6.651', '-4.204', ''], ['Arrah', '2', '6.673', '-3.969', '']]),
('Nawa', 1170, array[['Soubré', '6', '5.785', '-6.606', ''], ['Méagui', '2', '5.404', '-6.558', ''], ['Buyo', '1', '6.248', '-7.003', '']]),
('N''Zi', 340, array[['Dimbokro', '6', '6.647', '-4.706', ''], ['Bocanda', '2', '7.063', '-4.498', '']]),
('Poro', 1040, array[['Korhogo', '7', '9.458', '-5.630', ''], ['Sinématiali', '1', '9.584', '-5.385', ''], ['M''Bengué', '1', '10.002', '-5.900', '']]),
('San-Pédro', 1140, array[['San-Pédro', '7', '4.748', '-6.636', ''], ['Tabou', '2', '4.423', '-7.353', '']]),
('Sud-Comoé', 780, array[['Aboisso', '5', '5.467', '-3.207', ''], ['Grand-Bassam', '4', '5.211', '-3.739', ''], ['Adiaké', '1', '5.286', '-3.304', '']]),
('Tchologo', 500, array[['Ferkessédougou', '6', '9.593', '-5.197', ''], ['Kong', '1', '9.151', '-4.610', '']]),
('Tonkpi', 1200, array[['Man', '7', '7.412', '-7.554', ''], ['Danané', '3', '7.260', '-8.155', ''], ['Biankouma', '1', '7.739', '-7.614', '']]),
('Worodougou', 460, array[['Séguéla', '6', '7.961', '-6.673', ''], ['Kani', '1', '8.478', '-6.605', '']]);
create temp table gen_reg as
select row_number() over (order by r.name)::int4 as i, r.name, r.pop,
       array_agg(l.locs[k][1] order by k) as locs,
       array_agg(l.cum order by k) as loc_cdf,
       array_agg(l.locs[k][3]::float8 order by k) as lat,
       array_agg(l.locs[k][4]::float8 order by k) as lon,
       array_agg(a.i order by k) as loc_admin
from gen_reg_src r
cross join lateral (
    select r.locs, k, coalesce(sum(r.locs[k][2]::float8) over (order by k rows between unbounded preceding and 1 preceding), 0)
                      / sum(r.locs[k][2]::float8) over () as cum
    from generate_series(1, array_length(r.locs, 1)) k) l
left join gen_adm a on a.code = l.locs[k][5]
group by r.name, r.pop;
analyze gen_reg;
select array_agg(lo order by i)::text as reg_cdf
from (select i, coalesce(sum(pop) over (order by i rows between unbounded preceding and 1 preceding), 0)::float8
                / sum(pop) over () as lo from gen_reg) x \gset

-- Hours of the archive, each weighted (growth, month, weekday or holiday, hour of day, day noise);
-- request g falls in the hour where the cumulated weight reaches g / n.
create temp table gen_hour as
with day as (
    select d.d, d.works, extract(isodow from d.d)::int as dow, extract(month from d.d)::int as month,
           exists(select 1 from public_holiday h where h.holiday_date = d.d) as holiday,
           exp(0.12 * pg_temp.nz(random(), random())) as noise
    from (select d, works from gen_day where d >= (to_timestamp(:start_e) at time zone 'UTC')::date
                                      and d <= (to_timestamp(:now_e) at time zone 'UTC')::date) d
), hour as (
    select :start_e + 3600 * i as hs, least(3600, :now_e - (:start_e + 3600 * i)) as len,
           day.*, extract(hour from to_timestamp(:start_e + 3600 * i) at time zone 'UTC')::int as hod
    from generate_series(0, ((:now_e - :start_e - 1) / 3600)::int) i
    join day on day.d = (to_timestamp(:start_e + 3600 * i) at time zone 'UTC')::date
), weighted as (
    select hour.*,
           -- the call centre takes calls Monday to Friday, 8 h to 18 h
           (dow < 6 and not holiday and hod between 8 and 17) as call_centre,
           len / 3600.0
           * exp(ln(1.30) * (hs - :start_e) / (365.25 * 86400))
           * (array[1.10, 1.05, 1.05, 1.00, 0.95, 1.00, 0.95, 0.80, 1.05, 1.10, 1.00, 0.80])[month]
           * case when holiday then 0.40 else (array[1.25, 1.15, 1.10, 1.05, 0.95, 0.50, 0.35])[dow] end
           * (array[0.10, 0.06, 0.04, 0.04, 0.06, 0.15, 0.40, 0.75, 1.00, 1.10, 1.10, 1.05, 0.85, 0.80, 0.95, 0.95,
                    0.90, 0.80, 0.70, 0.65, 0.55, 0.45, 0.30, 0.18])[hod + 1]
           * noise as w
    from hour
)
select hs, len, month, dow, hod, call_centre,
       floor(:n * (sum(w) over (order by hs) - w) / sum(w) over ())::int8 as lo,
       floor(:n * sum(w) over (order by hs) / sum(w) over ())::int8 as hi
from weighted
order by hs;
-- Localities as one distribution: P(region) x P(locality | region).
create temp table gen_loc as
-- Requests store the region's code (V24), found once per locality here rather than once per request.
select row_number() over (order by r.i, k)::int4 as i, r.i as reg_i, region_code_of(r.name) as region, r.locs[k] as locality,
       r.lat[k] as lat, r.lon[k] as lon, r.loc_admin[k] as admin_i,
       r.pop::float8 * ((case when k < array_length(r.locs, 1) then r.loc_cdf[k + 1] else 1 end) - r.loc_cdf[k]) as w
from gen_reg r, generate_series(1, array_length(r.locs, 1)) k;
analyze gen_loc;
select array_agg(lo order by i)::text as loc_cdf
from (select i, coalesce(sum(w) over (order by i rows between unbounded preceding and 1 preceding), 0) / sum(w) over () as lo
      from gen_loc) x \gset

-- Every request's attributes and the times of its whole history: epoch seconds t_..., working-time
-- coordinates w_... for the staff's moves, calendar time for the citizen's. A move that is not on the
-- request's path has a null time; a move far in the future (a forgotten request, an unanswered
-- question) is cut by now like any other. Each level uses the columns of the level before (offset 0
-- keeps the planner from merging levels, so that the helpers are inlined on plain columns).
create temp table gen_rq as
with s as (
    select g, h.month, h.call_centre,
           h.hs + floor(((g - h.lo - 1) + random()) * h.len / (h.hi - h.lo))::int8 as t0
    from gen_hour h cross join lateral generate_series(h.lo + 1, h.hi) g
    offset 0
), l1 as (
    select s.*,
           (width_bucket(s.month - 1 + random(), :'cat_cdf'::float8[]) - 1) % :nc + 1 as cat_i,
           width_bucket(random(), :'loc_cdf'::float8[]) as loc_i,
           random() as u_type, random() as u_chan, random() as u_geo, random() as u_acct, random() as u_cit,
           random() as u_ct, random() as u_noreg, random() as u_sugg, random() as u_anon, random() as u_lang,
           random() as u_rej, random() as u_reason, random() as u_dup, random() as u_info_t, random() as u_qual,
           random() as u_mis, random() as u_alt, random() as u_altk, random() as u_info, random() as u_note,
           random() as u_so, random() as u_ret, random() as u_fb, random() as u_sat, random() as u_reo,
           random() as u_oc, random() as u_stall, random() as u_never, random() as u_crit, random() as u_comment,
           pg_temp.nz(random(), random()) as z_tri, pg_temp.nz(random(), random()) as z_ack,
           pg_temp.nz(random(), random()) as z_ans, pg_temp.nz(random(), random()) as z_rev,
           pg_temp.nz(random(), random()) as z_fix, pg_temp.nz(random(), random()) as z_hb,
           pg_temp.nz(random(), random()) as z_tri2, pg_temp.nz(random(), random()) as z_rep,
           pg_temp.nz(random(), random()) as z_fb, pg_temp.nz(random(), random()) as z_rate
    from s
    offset 0
), l2 as (
    select l1.*, c.default_i, c.parent_i, c.cands, lo.admin_i as loc_admin,
           case when u_type < 0.65 then 'COMPLAINT' when u_type < 0.85 then 'SUGGESTION' else 'OBSERVATION' end as type,
           case when call_centre then (case when u_chan < 0.21 then 'PHONE' when u_chan < 0.71 then 'MOBILE' else 'WEB' end)
                else (case when u_chan < 0.64 then 'MOBILE' else 'WEB' end) end as channel,
           pg_temp.w(t0) as w0, pg_temp.mix(g) as trk,
           -- older years slower (the platform's first years), August and the year end slower
           (1 + 0.35::float8 * (1 - (t0 - :start_e)::float8 / (:now_e - :start_e)))
               * (array[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.3, 1.0, 1.0, 1.0, 1.25]::float8[])[month] as slow,
           u_rej < 0.07 as rej,
           case when u_mis < 0.03 then 'HB' when u_mis < 0.05 then 'RR' end as mis
    from l1
    join gen_cat c on c.i = l1.cat_i
    join gen_loc lo on lo.i = l1.loc_i
    offset 0
), l3 as (
    select l2.*,
           case when not rej then null
                when u_reason < 0.40 then 'OUT_OF_SCOPE' when u_reason < 0.65 then 'INSUFFICIENT'
                when u_reason < 0.90 and g > 3001 then 'DUPLICATE' when u_reason < 0.90 then 'INSUFFICIENT'
                else 'ABUSIVE' end as reason,
           type <> 'COMPLAINT' and channel <> 'PHONE' and u_anon < 0.10 as anon,
           case when default_i is null then cands[1 + floor(u_altk * array_length(cands, 1))::int4]
                when u_alt >= 0.10 then default_i
                when u_altk < 0.5 and loc_admin is not null then loc_admin
                when u_altk < 0.8 and parent_i is not null then parent_i
                else 1 + floor(pg_temp.h(g, 2654435761) * :na)::int4 end as af
    from l2
    offset 0
), l4 as (
    select l3.*,
           case when reason = 'DUPLICATE' then g - 1 - floor(u_dup * u_dup * 3000)::int8 end as dup_g,
           -- a misrouted request first goes to another administration
           case when mis is not null then (af + floor(pg_temp.h(g, 2246822519) * (:na - 1))::int4) % :na + 1 else af end as a1,
           not anon and ((channel = 'MOBILE' and u_acct < 0.55) or (channel = 'WEB' and u_acct < 0.35)) as acct
    from l3
    offset 0
), l5 as (
    -- path and durations: working seconds for the staff, calendar seconds for the citizen; a forgotten
    -- request (stall) waits 300,000,000 working seconds at one stage
    select l4.*, f.trusted, f.quality,
           case when acct then 1 + floor(greatest(100, :n / 4) * power(u_cit, 1.5))::int8 end as c,
           case when type = 'COMPLAINT' then 259200 else 864000 end as allowance,
           u_info_t < 0.02 as info_t,
           not rej and u_info_t >= 0.02 and u_info < 0.085 as info,
           not rej and u_qual < 0.65 as qual,
           not rej and u_note < 0.15 as note,
           not rej and type <> 'COMPLAINT' and u_so < 0.35 as so,
           not rej and not f.trusted and u_ret < 0.10 * (1 - f.quality) as ret,
           u_fb < (case channel when 'MOBILE' then 0.44 when 'WEB' then 0.33 else 0.20 end)::float8 as fb,
           u_oc < 0.10 as oc,
           case when not rej and u_stall < 0.006 * power(f.speed / 1.3, 1.5) then
                case when pg_temp.h(g, 3266489917) < 0.45 then 'ACK'
                     when pg_temp.h(g, 3266489917) < 0.9 or f.trusted then 'ANS' else 'REV' end end as stall,
           f.speed * slow as fs, f1.speed * slow as f1s
    from l4
    join gen_adm f on f.i = l4.af
    join gen_adm f1 on f1.i = l4.a1
    offset 0
), l6 as (
    -- from here on, the durations travel as one array d and the late draws as one array u
    select g, t0, w0, trk, dup_g, type, channel, cat_i, loc_i, af, a1, anon, acct, c, trusted, quality, rej, reason, mis,
           allowance, info_t, info, qual, note, so, ret, fb, oc, stall is not null as stall,
           array[(14400 * exp(z_tri))::int8,                                           -- 1 triage
                 (50400 * fs * exp(z_ack))::int8 + case when stall = 'ACK' then 300000000 else 0 end,  -- 2 acknowledgement
                 (((case when type = 'COMPLAINT' then 93600 else 144000 end) * fs * exp(0.9 * z_ans))
                  * (0.05 + 0.25 * pg_temp.h(g, 1500450271)))::int8,                    -- 3 to an internal note
                 (10800 * exp(z_rev))::int8 + case when stall = 'REV' then 300000000 else 0 end,  -- 4 OSEP review
                 (36000 * fs * exp(0.8 * z_fix))::int8,                                -- 5 fixing a returned answer
                 (10800 * exp(z_fix))::int8,                                           -- 6 second review
                 (43200 * f1s * exp(z_hb))::int8,                                      -- 7 until handed back
                 (28800 * exp(z_hb))::int8,                                            -- 8 until re-routed
                 (10800 * exp(0.8 * z_tri2))::int8,                                    -- 9 routing again
                 (72000 * exp(z_tri2))::int8,                                          -- 10 closing a suggestion
                 (36000 * fs * exp(0.8 * z_ack))::int8,                                -- 11 acknowledging again
                 86400 + (172800 * pg_temp.h(g, 22695477))::int8,                      -- 12 OSEP closing
                 case when u_never < 0.04 then :far_e - :now_e else (72000 * exp(1.2 * z_rep))::int8 end,  -- 13 citizen's reply
                 (64800 * exp(1.3 * z_fb))::int8,                                      -- 14 rating
                 60 + (1800 * pg_temp.h(g, 1609587929))::int8,                         -- 15 qualification before routing
                 (((case when type = 'COMPLAINT' then 93600 else 144000 end) * fs * exp(0.9 * z_ans))
                  * (0.35 + 0.35 * pg_temp.h(g, 2971215073)))::int8,                    -- 16 to a question
                 (((case when type = 'COMPLAINT' then 93600 else 144000 end) * fs * exp(0.9 * z_ans))
                  * (case when u_info_t >= 0.02 and u_info < 0.085 then 0.45 else 1 end))::int8
                     + case when stall = 'ANS' then 300000000 else 0 end,              -- 17 answering
                 (((case when type = 'COMPLAINT' then 93600 else 144000 end) * fs * exp(0.9 * z_ans)) * 0.6)::int8,  -- 18 answering again
                 case when u_info_t < 0.02 then (7200 * exp(z_tri))::int8 else (14400 * exp(z_tri))::int8 end  -- 19 to the decision
                ] as d,
           array[u_geo, u_noreg, u_ct, u_sugg, u_lang, u_crit, u_comment, u_sat, u_reo, u_fb, z_rate] as u
    from l5
    offset 0
), l7 as (
    -- triage: OSEP may ask the citizen first
    select l6.*, case when info_t then pg_temp.office(w0 + d[1] / 2, pg_temp.h(g, 668265263)) end as w_it
    from l6
    offset 0
), l8 as (
    select l7.*, pg_temp.at(w_it) + d[13] as t_rt, case when info_t then greatest(0, w0 + 86400 - w_it) end as rem_t
    from l7
    offset 0
), l9 as (
    select l8.*, pg_temp.w(t_rt) as w_rt
    from l8
    offset 0
), l10 as (
    -- OSEP's decision: route (after an explicit qualification, or not) or reject
    select l9.*, pg_temp.office(coalesce(w_rt, w0) + d[19], pg_temp.h(g, 374761393)) as w_dec
    from l9
    offset 0
), l11 as (
    select l10.*,
           case when not rej and mis = 'HB' then pg_temp.office(w_dec + d[7], pg_temp.h(g, 1181783497)) end as w_hb,
           case when not rej and mis = 'RR' then pg_temp.office(w_dec + d[8], pg_temp.h(g, 1181783497)) end as w_rr
    from l10
    offset 0
), l12 as (
    select l11.*, pg_temp.office(w_hb + d[9], pg_temp.h(g, 3624381839)) as w_route2
    from l11
    offset 0
), l13 as (
    -- acknowledgement by the administration the request ends up with
    select l12.*, case when not rej then coalesce(w_route2, w_rr, w_dec) end as w_rl,
           case when not rej then pg_temp.office(coalesce(w_route2, w_rr, w_dec) + d[2], pg_temp.h(g, 2860486313)) end as w_ack
    from l12
    offset 0
), l14 as (
    select l13.*,
           case when note then pg_temp.office(w_ack + d[3], pg_temp.h(g, 3367900313)) end as w_note,
           case when info then pg_temp.office(w_ack + d[16], pg_temp.h(g, 1073807359)) end as w_i
    from l13
    offset 0
), l15 as (
    select l14.*, pg_temp.at(w_i) + d[13] as t_r, case when info then greatest(0, w_ack + allowance - w_i) end as rem
    from l14
    offset 0
), l16 as (
    select l15.*, coalesce(pg_temp.w(t_r), w_ack) as w_ab
    from l15
    offset 0
), l17 as (
    -- the answer: written, reviewed by OSEP (returned once with remarks, or approved), or delivered at
    -- once by a trusted administration; suggestions and observations may be closed without one
    select l16.*,
           case when so then pg_temp.office(w_ab + d[10], pg_temp.h(g, 1836311903)) end as w_soc,
           pg_temp.office(w_ab + d[17], pg_temp.h(g, 433494437)) as w_sub1
    from l16
    offset 0
), l18 as (
    select l17.*,
           case when trusted then w_sub1 else pg_temp.office(w_sub1 + d[4], pg_temp.h(g, 2147483647)) end as w_rev1,
           -- an internal note falls between the acknowledgement and the next move
           case when note then greatest(w_ack + 60, least(w_note, coalesce(w_i, case when so then w_soc else w_sub1 end) - 60)) end as w_note2
    from l17
    offset 0
), l19 as (
    select l18.*, case when ret then pg_temp.office(w_rev1 + d[5], pg_temp.h(g, 1664525)) end as w_sub2
    from l18
    offset 0
), l20 as (
    select l19.*,
           case when ret then pg_temp.office(w_sub2 + d[6], pg_temp.h(g, 1013904223)) else w_rev1 end as w_deliv
    from l19
    offset 0
), l21 as (
    select l20.*, case when not so then pg_temp.at(w_deliv) end as t_deliv,
           case when not info then pg_temp.at(w_ack + allowance) when rem > 0 then pg_temp.at(w_ab + rem) else t_r end as due_ans
    from l20
    offset 0
), l22 as (
    -- the citizen's rating: a latent score (the administration's quality, minus lateness, a return,
    -- slowness) cut at the quantiles of a J-shaped distribution; then reopening or closure
    select l21.*,
           width_bucket(u[11] + quality
                        - case when t_deliv > due_ans then 0.6 else 0 end
                        - case when ret then 0.3 else 0 end
                        - 0.12 * ln(1 + greatest(0, w_deliv - w0) / 86400.0),
                        array[-1.26, -0.95, -0.66, -0.10]::float8[]) + 1 as rating,
           case when fb then t_deliv + d[14] end as t_fb1,
           case when oc and t_deliv is not null then pg_temp.office(w_deliv + d[12], pg_temp.h(g, 1103515245)) end as w_oc
    from l21
    offset 0
), l23 as (
    select l22.*, u[8] < (array[0.03, 0.10, 0.45, 0.88, 0.98]::float8[])[rating] as satisfied, pg_temp.at(w_oc) as t_oc
    from l22
    offset 0
), l24 as (
    select l23.*,
           case when t_deliv is null then false
                when fb and t_fb1 < t_deliv + 1296000 and not satisfied then u[9] < 0.16
                else not fb and u[9] < 0.01 end as reo
    from l23
    offset 0
), l25 as (
    select l24.*,
           case when not reo then null
                when fb then least(t_fb1 + 300 + (172800 * pg_temp.h(g, 134775813))::int8, t_deliv + 1296000 - 60)
                else t_deliv + 3600 + ((1296000 - 7200) * pg_temp.h(g, 214013))::int8 end as t_reo,
           case when t_deliv is null or reo then null
                when fb and t_fb1 < t_deliv + 1296000 and satisfied then 'SAT'
                when oc and t_oc < t_deliv + 1296000 then 'OSEP'
                else 'AUTO' end as close1
    from l24
    offset 0
), l26 as (
    select l25.*, pg_temp.w(t_reo) as w_reo,
           case close1 when 'SAT' then t_fb1 when 'OSEP' then t_oc
                       when 'AUTO' then t_deliv + 1296001 + (600 * pg_temp.h(g, 2531011))::int8 end as t_close1
    from l25
    offset 0
), l27 as (
    -- a reopened request goes back to the same administration for one more round
    select l26.*, pg_temp.office(w_reo + d[11], pg_temp.h(g, 69069)) as w_ack2
    from l26
    offset 0
), l28 as (
    select l27.*, pg_temp.office(w_ack2 + d[18], pg_temp.h(g, 16807)) as w_sub3
    from l27
    offset 0
), l29 as (
    select l28.*, case when trusted then w_sub3 else pg_temp.office(w_sub3 + d[4], pg_temp.h(g, 48271)) end as w_deliv2
    from l28
    offset 0
), l30 as (
    -- the times of the moves and the deadlines, in epoch seconds
    select l29.*,
           pg_temp.at(w_deliv2) as t_deliv2,
           width_bucket(u[11] + quality - 0.5, array[-1.26, -0.95, -0.66, -0.10]::float8[]) + 1 as rating2,
           pg_temp.at(w0 + 86400) as due_t0, pg_temp.at(w_it) as t_it,
           case when not info_t then pg_temp.at(w0 + 86400) when rem_t > 0 then pg_temp.at(w_rt + rem_t) else t_rt end as due_t,
           case when qual then pg_temp.at(greatest(coalesce(w_rt, w0) + 60, w_dec - d[15])) end as t_qual,
           pg_temp.at(w_dec) as t_dec, pg_temp.at(w_dec + 172800) as due_a1,
           pg_temp.at(w_hb) as t_hb, pg_temp.at(w_hb + 86400) as due_hb, pg_temp.at(w_rr) as t_rr,
           pg_temp.at(w_route2) as t_route2, pg_temp.at(w_rl + 172800) as due_a, pg_temp.at(w_rl + 86400) as rmd_a,
           pg_temp.at(w_ack) as t_ack, pg_temp.at(w_ack + allowance) as due_ans1, pg_temp.at(w_note2) as t_note,
           pg_temp.at(w_i) as t_i, pg_temp.at(w_soc) as t_soc,
           case when not so then pg_temp.at(w_sub1) end as t_sub1,
           case when not so and ret then pg_temp.at(w_rev1) end as t_ret,
           case when not so and ret then pg_temp.at(w_sub2) end as t_sub2,
           pg_temp.at(case when not info then w_ack + allowance when rem > 0 then w_ab + rem end - 86400) as rmd_n,
           pg_temp.at(w_ack2) as t_ack2, pg_temp.at(w_reo + 172800) as due_a2, pg_temp.at(w_reo + 86400) as rmd_a2,
           pg_temp.at(w_ack2 + allowance) as due_ans2, pg_temp.at(w_ack2 + allowance - 86400) as rmd_n2,
           pg_temp.at(w_sub3) as t_sub3,
           -- the deadline watch runs every 15 minutes
           1 + (899 * pg_temp.h(g, 2654435769))::int8 as dl1, 1 + (899 * pg_temp.h(g, 1597334677))::int8 as dl2
    from l29
    offset 0
), l31 as (
    select l30.*,
           case when reo and u[10] < 0.5 then t_deliv2 + d[14] end as t_fb2,
           u[8] < (array[0.03, 0.10, 0.45, 0.88, 0.98]::float8[])[rating2] as satisfied2
    from l30
    offset 0
)
select g, pg_temp.nid(g * 64 + 40) as id, trk, dup_g, pg_temp.mix(dup_g) as dup_trk,
       t0, w0, type, channel, cat_i, loc_i, af, a1, anon, acct, c, trusted, rej, reason, mis, info_t, info, qual,
       note, so, ret, fb, reo, stall,
       channel = 'MOBILE' and u[1] < 0.7 as geo,
       case when channel = 'WEB' then u[2] < 0.08 else u[2] < 0.03 end as no_region,
       u[3] as u_ct, u[4] as u_sugg, u[5] as u_lang, u[6] as u_crit, u[7] as u_comment,
       due_t0, t_it, t_rt, rem_t, due_t, t_qual, t_dec, due_a1, t_hb, due_hb, t_rr, t_route2, due_a,
       t_ack, w_ack, due_ans1, t_note, t_i, t_r, rem, due_ans, t_soc, t_sub1, t_ret, t_sub2,
       t_deliv, case when not so then w_deliv end as w_deliv,
       rating, satisfied, t_fb1, t_reo, close1, t_close1,
       t_ack2, w_ack2, due_a2, due_ans2, t_sub3, t_deliv2, w_deliv2, t_fb2, rating2, satisfied2,
       case when not reo then null
            when t_fb2 < t_deliv2 + 1296000 and satisfied2 then t_fb2
            else t_deliv2 + 1296001 + (600 * pg_temp.h(g, 2531011))::int8 end as t_close2,
       -- the deadline watch (EscalationJob) on the last deadline of each stage: a reminder 24 working
       -- hours before it, the overdue flag after it, the escalation a day later, each while the stage lasts
       case when t0 + dl1 < t_dec then t0 + dl1 end as r_t,
       case when due_t + dl1 < t_dec then due_t + dl1 end as dm_t,
       case when due_t + 86400 + dl2 < t_dec then due_t + 86400 + dl2 end as dme_t,
       case when rmd_a + dl1 < t_ack then rmd_a + dl1 end as r_a,
       case when due_a + dl1 < t_ack then due_a + dl1 end as dm_a,
       case when due_a + 86400 + dl2 < t_ack then due_a + 86400 + dl2 end as dme_a,
       case when rmd_n + dl1 < coalesce(t_soc, t_deliv) and rmd_n > coalesce(t_r, t_ack) then rmd_n + dl1 end as r_n,
       case when due_ans + dl1 < coalesce(t_soc, t_deliv) then due_ans + dl1 end as dm_n,
       case when due_ans + 86400 + dl2 < coalesce(t_soc, t_deliv) then due_ans + 86400 + dl2 end as dme_n,
       case when rmd_a2 + dl1 < t_ack2 then rmd_a2 + dl1 end as r_a2,
       case when due_a2 + dl1 < t_ack2 then due_a2 + dl1 end as dm_a2,
       case when due_a2 + 86400 + dl2 < t_ack2 then due_a2 + 86400 + dl2 end as dme_a2,
       case when rmd_n2 + dl1 < t_deliv2 then rmd_n2 + dl1 end as r_n2,
       case when due_ans2 + dl1 < t_deliv2 then due_ans2 + dl1 end as dm_n2,
       case when due_ans2 + 86400 + dl2 < t_deliv2 then due_ans2 + 86400 + dl2 end as dme_n2
from l31;
analyze gen_rq;

-- A rejected duplicate repeats an earlier request: same citizen, type, category, place and words.
create temp table gen_dup as
select r.g, o.g as tg, o.type, o.cat_i, o.loc_i, o.no_region, o.u_ct,
       o.c is not null and r.channel <> 'PHONE' as acct, case when r.channel <> 'PHONE' then o.c end as c,
       o.anon and r.channel <> 'PHONE' as anon
from gen_rq r join gen_rq o on o.g = r.dup_g
where r.dup_g is not null;
analyze gen_dup;

select array_agg(translate(lower(name), 'éèêëàâäîïôöûüç''-', 'eeeeaaaiioouuc') order by i)::text as first_slugs from gen_first \gset
select array_agg(translate(lower(name), 'éèêëàâäîïôöûüç''-', 'eeeeaaaiioouuc') order by i)::text as last_slugs from gen_last \gset

-- Bulk load ------------------------------------------------------------------------------------------
-- The indexes and the primary, unique and foreign keys of the loaded tables (and the foreign keys
-- that point at them) go for the load and come back from their saved definitions afterwards.
create temp table gen_saved_index as
select tablename, indexname, indexdef from pg_indexes
where schemaname = current_schema()
  and tablename in ('citizen_request', 'request_event', 'request_event_text', 'answer', 'feedback', 'citizen');
create temp table gen_saved_constraint as
select c.conrelid::regclass::text as tbl, c.conname, c.contype, pg_get_constraintdef(c.oid) as def
from pg_constraint c
where c.contype in ('p', 'u', 'f')
  and (c.conrelid in ('citizen_request'::regclass, 'request_event'::regclass, 'request_event_text'::regclass, 'answer'::regclass,
                      'feedback'::regclass, 'citizen'::regclass)
    or c.confrelid in ('citizen_request'::regclass, 'request_event'::regclass, 'answer'::regclass, 'feedback'::regclass, 'citizen'::regclass));
select format('alter table %s drop constraint %I', tbl, conname) from gen_saved_constraint where contype = 'f' \gexec
select format('alter table %s drop constraint %I', tbl, conname) from gen_saved_constraint where contype in ('p', 'u') \gexec
-- Indexes whose predicate holds an IN list stay: few rows enter them, and such a predicate rebuilt from
-- its deparsed text reads differently (status in (...) would come back as = ANY (ARRAY[...::text]),
-- which the check below refuses).
select format('drop index %I', indexname) from gen_saved_index i
where indexdef not like '% WHERE %= ANY (%'
  and not exists (select 1 from gen_saved_constraint c where c.conname = i.indexname and c.contype in ('p', 'u')) \gexec

-- Citizens with an account (one-time-code sign-in), created at their first request. Each signed up
-- with one contact, the one its code proved (V25): an e-mail (half of them, who also gave a phone on
-- their profile, unproven, and a fifth with no phone), or else a phone.
insert into citizen (id, email, phone, email_verified, phone_verified, full_name, preferred_language, created_at,
        last_login_at, version)
select pg_temp.nid(c * 64 + 47),
       case when c % 10 < 5 or c % 10 >= 8 then (:'first_slugs'::text[])[1 + c % :nfirst] || '.' || (:'last_slugs'::text[])[1 + (c / :nfirst) % :nlast] || c || '@example.ci' end,
       case when c % 10 < 8 then '+225' || (array['07', '05', '01'])[1 + c % 3] || lpad(((c * 7919) % 100000000)::text, 8, '0') end,
       c % 10 < 5 or c % 10 >= 8, c % 10 between 5 and 7,
       (:'first_names'::text[])[1 + c % :nfirst] || ' ' || (:'last_names'::text[])[1 + (c / :nfirst) % :nlast],
       case when c % 40 = 0 then 'en' else 'fr' end,
       to_timestamp(min(t0) - 60), to_timestamp(max(t0) - 30), 0
from gen_rq where c is not null
group by c
order by min(t0);

-- The requests, with their state as of now: m is the last move of their path that already happened.
insert into citizen_request (id, tracking_code, access_key_hash, type, category_id, channel, subject, description,
        suggested_administration_id, administration_id, region, locality, latitude, longitude, contact_name,
        contact_email, contact_phone, preferred_language, anonymous, citizen_id, entered_by_staff_id, status,
        resume_status, qualified, rejection_reason, duplicate_of, submitted_at, updated_at, status_changed_at, due_at,
        answered_at, closed_at, reopen_count, version, paused_remaining_seconds, triage_met, acknowledgement_met,
        answer_met, acknowledged_at, reminded_due_at, overdue_due_at, escalated_due_at,
        acknowledgement_working_seconds, answer_working_seconds)
select q.id, pg_temp.code32(q.trk), encode(sha256(('bench-key-' || q.g)::bytea), 'hex'),
       q.ftype, c.id, q.channel, q.subject,
       -- an opening line (or none), then the sentences
       coalesce((array['Bonjour,', 'Madame, Monsieur,', 'Bonsoir,', 'Bonjour à l''OSEP,', null])[1 + floor(pg_temp.h(q.tg, 3266489917) * 5)::int4] || E'\n', '')
       || concat_ws(' ',
           case q.ftype when 'COMPLAINT' then c.details[1 + floor(pg_temp.h(q.tg, 668265263) * array_length(c.details, 1))::int4]
                       when 'SUGGESTION' then 'Je souhaite faire une suggestion : ' || q.subject || '.'
                       else 'Je voudrais signaler ceci : ' || q.subject || '.' end,
           case q.ftype when 'COMPLAINT' then (array['Le problème dure depuis trois semaines.', 'Cela fait plus d''un mois que la situation dure.',
                    'J''ai déjà relancé le service à plusieurs reprises.', 'Je me suis déplacé plusieurs fois pour rien.',
                    'Aucune réponse ne m''a été donnée malgré mes relances.', 'Le retard dure depuis le début de l''année.'])[1 + floor(pg_temp.h(q.tg, 374761393) * 6)::int4]
                       when 'OBSERVATION' then (array['La situation dure depuis plusieurs semaines.', 'Beaucoup d''usagers s''en plaignent.',
                    'Je l''ai constaté à plusieurs reprises.', 'Il serait bon que le service concerné intervienne.'])[1 + floor(pg_temp.h(q.tg, 374761393) * 4)::int4] end,
           case when not q.fno_region and q.ftype <> 'SUGGESTION' then 'Cela se passe à ' || lo.locality || '.' end,
           case q.ftype when 'SUGGESTION' then (array['Cela faciliterait la vie de nombreux usagers.', 'Cela réduirait les files d''attente.',
                    'Beaucoup de citoyens y gagneraient du temps.', 'D''autres pays le font déjà avec succès.'])[1 + floor(pg_temp.h(q.tg, 1609587929) * 4)::int4]
                       when 'COMPLAINT' then (array['Cette situation nous pénalise beaucoup.', 'Toute la famille en souffre.',
                    'Je risque de perdre mon emploi à cause de ce retard.', 'Les personnes âgées du quartier sont les plus touchées.',
                    'Nous ne savons plus à qui nous adresser.'])[1 + floor(pg_temp.h(q.tg, 1609587929) * 5)::int4] end,
           (array['Merci de votre aide.', 'Je sollicite votre intervention rapide.', 'Merci de faire le nécessaire.', 'Cordialement.',
                  'Dans l''attente d''une solution, recevez mes salutations.'])[1 + floor(pg_temp.h(q.tg, 1181783497) * 5)::int4]),
       case when q.u_sugg < 0.10 then fa.id when q.u_sugg < 0.12 then f1.id end,
       case when q.m >= 7 then fa.id when q.m = 5 then f1.id end,
       case when not q.fno_region then lo.region end, case when not q.fno_region then lo.locality end,
       case when q.geo and not q.fno_region then round((lo.lat + 0.04 * (pg_temp.h(q.g, 3624381839) - 0.5)) * 100000) / 100000 end,
       case when q.geo and not q.fno_region then round((lo.lon + 0.04 * (pg_temp.h(q.g, 2860486313) - 0.5)) * 100000) / 100000 end,
       case when q.fanon then null
            when q.facct then (:'first_names'::text[])[1 + q.fc % :nfirst] || ' ' || (:'last_names'::text[])[1 + (q.fc / :nfirst) % :nlast]
            else (:'first_names'::text[])[1 + floor(pg_temp.h(q.tg, 1500450271) * :nfirst)::int4] || ' '
                 || (:'last_names'::text[])[1 + floor(pg_temp.h(q.tg, 2971215073) * :nlast)::int4] end,
       case when q.fanon or q.ct = 'P' then null
            when q.facct then (:'first_slugs'::text[])[1 + q.fc % :nfirst] || '.' || (:'last_slugs'::text[])[1 + (q.fc / :nfirst) % :nlast] || q.fc || '@example.ci'
            else (:'first_slugs'::text[])[1 + floor(pg_temp.h(q.tg, 1500450271) * :nfirst)::int4] || '.'
                 || (:'last_slugs'::text[])[1 + floor(pg_temp.h(q.tg, 2971215073) * :nlast)::int4]
                 || (1 + floor(pg_temp.h(q.tg, 1073807359) * 9999)::int4) || '@example.ci' end,
       case when q.fanon or q.ct = 'E' then null
            when q.facct then '+225' || (array['07', '05', '01'])[1 + q.fc % 3] || lpad(((q.fc * 7919) % 100000000)::text, 8, '0')
            else '+225' || (array['07', '05', '01'])[1 + q.tg % 3] || lpad(((q.tg * 7919 + 5555) % 100000000)::text, 8, '0') end,
       case when q.u_lang < 0.03 then 'en' else 'fr' end,
       q.fanon, case when q.facct then pg_temp.nid(q.fc * 64 + 47) end,
       case when q.channel = 'PHONE' then (:'operator_ids'::uuid[])[1 + q.g % 12] end,
       (array['RECEIVED', 'AWAITING_CITIZEN', 'RECEIVED', 'REJECTED', 'ROUTED', 'RECEIVED', 'ROUTED', 'ROUTED', 'IN_PROGRESS',
              'AWAITING_CITIZEN', 'IN_PROGRESS', 'CLOSED', 'UNDER_REVIEW', 'IN_PROGRESS', 'UNDER_REVIEW', 'ANSWERED', 'CLOSED',
              'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW', 'ANSWERED', 'CLOSED'])[q.m],
       case q.m when 2 then 'RECEIVED' when 10 then 'IN_PROGRESS' end,
       q.m >= 5 or coalesce(q.t_qual <= :now_e, false),
       case when q.m = 4 then q.reason end,
       case when q.m = 4 and q.reason = 'DUPLICATE' then pg_temp.nid(q.dup_g * 64 + 40) end,
       to_timestamp(q.t0),
       to_timestamp(greatest(q.t_m, case when q.t_qual <= :now_e then q.t_qual end, case when q.t_note <= :now_e then q.t_note end,
                             case when q.t_fb1 <= :now_e then q.t_fb1 end, case when q.t_fb2 <= :now_e then q.t_fb2 end)),
       to_timestamp(q.t_m),
       to_timestamp(case q.m when 1 then q.due_t0 when 3 then q.due_t when 5 then q.due_a1 when 6 then q.due_hb when 7 then q.due_a
                             when 8 then q.due_a when 9 then q.due_ans1 when 11 then q.due_ans when 13 then q.due_ans
                             when 14 then q.due_ans when 15 then q.due_ans when 18 then q.due_a2 when 19 then q.due_ans2
                             when 20 then q.due_ans2 end),
       to_timestamp(case when q.m >= 21 then q.t_deliv2 when q.m >= 16 then q.t_deliv end),
       to_timestamp(case q.m when 4 then q.t_dec when 12 then q.t_soc when 17 then q.t_close1 when 22 then q.t_close2 end),
       case when q.m >= 18 then 1 else 0 end,
       -- one version per transaction that changed the request
       num_nonnulls(
           nullif(q.t_it <= :now_e, false), nullif(q.t_rt <= :now_e, false), nullif(q.t_qual <= :now_e, false),
           nullif(q.t_dec <= :now_e, false), nullif(q.t_hb <= :now_e, false), nullif(q.t_rr <= :now_e, false),
           nullif(q.t_route2 <= :now_e, false), nullif(q.t_ack <= :now_e, false), nullif(q.t_note <= :now_e, false),
           nullif(q.t_i <= :now_e, false), nullif(q.t_r <= :now_e, false), nullif(q.t_soc <= :now_e, false),
           nullif(q.t_sub1 <= :now_e, false), nullif(q.t_ret <= :now_e, false), nullif(q.t_sub2 <= :now_e, false),
           nullif(not q.trusted and q.t_deliv <= :now_e, false), nullif(q.t_fb1 <= :now_e, false),
           nullif(q.close1 <> 'SAT' and q.t_close1 <= :now_e, false), nullif(q.t_reo <= :now_e, false),
           nullif(q.t_ack2 <= :now_e, false), nullif(q.t_sub3 <= :now_e, false),
           nullif(not q.trusted and q.t_deliv2 <= :now_e, false), nullif(q.t_fb2 <= :now_e, false),
           nullif(q.t_close2 is distinct from q.t_fb2 and q.t_close2 <= :now_e, false),
           nullif(q.r_t <= :now_e, false), nullif(q.dm_t <= :now_e, false), nullif(q.dme_t <= :now_e, false),
           nullif(q.r_a <= :now_e, false), nullif(q.dm_a <= :now_e, false), nullif(q.dme_a <= :now_e, false),
           nullif(q.r_n <= :now_e, false), nullif(q.dm_n <= :now_e, false), nullif(q.dme_n <= :now_e, false),
           nullif(q.r_a2 <= :now_e, false), nullif(q.dm_a2 <= :now_e, false), nullif(q.dme_a2 <= :now_e, false),
           nullif(q.r_n2 <= :now_e, false), nullif(q.dm_n2 <= :now_e, false), nullif(q.dme_n2 <= :now_e, false)),
       case q.m when 2 then q.rem_t when 10 then q.rem end,
       case when q.m >= 5 then q.t_dec <= q.due_t end,
       case when q.m >= 19 then q.t_ack2 <= q.due_a2 when q.m >= 9 then q.t_ack <= q.due_a end,
       case when q.m >= 21 then q.t_deliv2 <= q.due_ans2 when q.m >= 16 then q.t_deliv <= q.due_ans end,
       to_timestamp(case when q.m >= 19 then q.t_ack2 when q.m >= 9 then q.t_ack end),
       to_timestamp(case when q.r_n2 <= :now_e then q.due_ans2 when q.r_a2 <= :now_e then q.due_a2
                         when q.r_n <= :now_e then q.due_ans when q.r_a <= :now_e then q.due_a
                         when q.r_t <= :now_e then q.due_t end),
       to_timestamp(case when q.dm_n2 <= :now_e then q.due_ans2 when q.dm_a2 <= :now_e then q.due_a2
                         when q.dm_n <= :now_e then q.due_ans when q.dm_a <= :now_e then q.due_a
                         when q.dm_t <= :now_e then q.due_t end),
       to_timestamp(case when q.dme_n2 <= :now_e then q.due_ans2 when q.dme_a2 <= :now_e then q.due_a2
                         when q.dme_n <= :now_e then q.due_ans when q.dme_a <= :now_e then q.due_a
                         when q.dme_t <= :now_e then q.due_t end),
       case when q.m >= 19 then q.w_ack2 - q.w0 when q.m >= 9 then q.w_ack - q.w0 end,
       case when q.m >= 21 then q.w_deliv2 - q.w0 when q.m >= 16 then q.w_deliv - q.w0 end
from (select p.*,
             (array[p.t0, p.t_it, p.t_rt, p.t_dec, p.t_dec, p.t_hb, p.t_rr, p.t_route2, p.t_ack, p.t_i, p.t_r, p.t_soc,
                    p.t_sub1, p.t_ret, p.t_sub2, p.t_deliv, p.t_close1, p.t_reo, p.t_ack2, p.t_sub3, p.t_deliv2, p.t_close2])[p.m] as t_m,
             case when p.ftype = 'COMPLAINT' then p.subj_c[1 + floor(pg_temp.h(p.tg, 2654435761) * array_length(p.subj_c, 1))::int4]
                  when p.ftype = 'SUGGESTION' then p.subj_s[1 + floor(pg_temp.h(p.tg, 2654435761) * array_length(p.subj_s, 1))::int4]
                  else p.subj_o[1 + floor(pg_temp.h(p.tg, 2654435761) * array_length(p.subj_o, 1))::int4] end as subject
      from (select r.*, coalesce(d.tg, r.g) as tg, coalesce(d.type, r.type) as ftype, coalesce(d.cat_i, r.cat_i) as fcat_i,
                   coalesce(d.loc_i, r.loc_i) as floc_i, coalesce(d.no_region, r.no_region) as fno_region,
                   coalesce(d.acct, r.acct) as facct, case when d.g is not null then d.c else r.c end as fc,
                   coalesce(d.anon, r.anon) as fanon,
                   case when r.channel = 'PHONE' then (case when coalesce(d.u_ct, r.u_ct) < 0.3 then 'B' else 'P' end)
                        when coalesce(d.acct, r.acct) then (case when coalesce(d.c, r.c) % 10 < 5 then 'B' when coalesce(d.c, r.c) % 10 < 8 then 'P' else 'E' end)
                        when coalesce(d.u_ct, r.u_ct) < 0.45 then 'B' when coalesce(d.u_ct, r.u_ct) < 0.75 then 'P' else 'E' end as ct,
                   ct2.subj_c, ct2.subj_s, ct2.subj_o,
                   case when r.t_close2 <= :now_e then 22 when r.t_deliv2 <= :now_e then 21 when r.t_sub3 <= :now_e then 20
                        when r.t_ack2 <= :now_e then 19 when r.t_reo <= :now_e then 18 when r.t_close1 <= :now_e then 17
                        when r.t_deliv <= :now_e then 16 when r.t_sub2 <= :now_e then 15 when r.t_ret <= :now_e then 14
                        when r.t_sub1 <= :now_e then 13 when r.t_soc <= :now_e then 12 when r.t_r <= :now_e then 11
                        when r.t_i <= :now_e then 10 when r.t_ack <= :now_e then 9 when r.t_route2 <= :now_e then 8
                        when r.t_rr <= :now_e then 7 when r.t_hb <= :now_e then 6 when not r.rej and r.t_dec <= :now_e then 5
                        when r.rej and r.t_dec <= :now_e then 4 when r.t_rt <= :now_e then 3 when r.t_it <= :now_e then 2
                        else 1 end as m
            from gen_rq r
            left join gen_dup d on d.g = r.g
            join gen_cat ct2 on ct2.i = coalesce(d.cat_i, r.cat_i)
            offset 0) p
      offset 0) q
join gen_cat c on c.i = q.fcat_i
join gen_loc lo on lo.i = q.floc_i
join gen_adm fa on fa.i = q.af
join gen_adm f1 on f1.i = q.a1;

-- The events, as CitizenRequest records them (type, actor, statuses, message, visibility, data), in order
-- of time per request: moves of one transaction share their instant and keep their order (k).
-- The message of an event lives in request_event_text (a row only when there is one).
with gen (id, request_id, occurred_at, type, actor_id, actor_role, from_status, to_status, message, visibility, data) as (
select pg_temp.nid(q.g * 64 + e.k), q.id, to_timestamp(e.t),
       (array['SUBMITTED', 'INFORMATION_REQUESTED', 'CITIZEN_REPLIED', 'DEADLINE_MISSED', 'DEADLINE_MISSED', 'QUALIFIED',
              'REJECTED', 'ROUTED', 'HANDED_BACK', 'ROUTED', 'REROUTED', 'ROUTED', 'DEADLINE_MISSED', 'DEADLINE_MISSED',
              'ACKNOWLEDGED', 'NOTE_ADDED', 'INFORMATION_REQUESTED', 'CITIZEN_REPLIED', 'DEADLINE_MISSED', 'DEADLINE_MISSED',
              'CLOSED', 'ANSWER_SUBMITTED', 'ANSWER_RETURNED', 'ANSWER_SUBMITTED', 'ANSWER_DELIVERED', 'FEEDBACK_GIVEN',
              'CLOSED', 'REOPENED', 'DEADLINE_MISSED', 'DEADLINE_MISSED', 'ACKNOWLEDGED', 'ANSWER_SUBMITTED',
              'DEADLINE_MISSED', 'DEADLINE_MISSED', 'ANSWER_DELIVERED', 'FEEDBACK_GIVEN', 'CLOSED'])[e.k],
       case when e.k = 1 then q.submitter
            when e.k in (3, 18, 26, 28, 36) then q.citizen
            when e.k in (9) then q.agent1
            when e.k in (15, 17, 22, 24, 31, 32) then q.agent
            when e.k in (25, 35) then (case when q.trusted then q.agent else q.osep2 end)
            when e.k = 23 then q.osep2
            when e.k = 16 then (case when q.g % 10 < 7 then q.agent else q.osep end)
            when e.k = 27 then (case q.close1 when 'SAT' then q.citizen when 'OSEP' then q.osep end)
            when e.k = 37 then (case when q.t_close2 = q.t_fb2 then q.citizen end)
            when e.k in (4, 5, 13, 14, 19, 20, 29, 30, 33, 34) then null
            else q.osep end,
       case when e.k = 1 then q.submitter_role
            when e.k in (3, 18, 26, 28, 36) then q.citizen_role
            when e.k in (9, 15, 17, 22, 24, 31, 32) then 'agent'
            when e.k in (25, 35) then (case when q.trusted then 'agent' else 'osep' end)
            when e.k = 16 then (case when q.g % 10 < 7 then 'agent' else 'osep' end)
            when e.k = 27 then (case q.close1 when 'SAT' then q.citizen_role when 'OSEP' then 'osep' else 'system' end)
            when e.k = 37 then (case when q.t_close2 = q.t_fb2 then q.citizen_role else 'system' end)
            when e.k in (4, 5, 13, 14, 19, 20, 29, 30, 33, 34) then 'system'
            else 'osep' end,
       case e.k when 19 then q.st_n when 20 then q.st_ne when 33 then q.st_n2 when 34 then q.st_n2e
                when 26 then (case when q.t_close1 < q.t_fb1 then 'CLOSED' else 'ANSWERED' end)
                when 36 then (case when q.t_close2 < q.t_fb2 then 'CLOSED' else 'ANSWERED' end)
                else (array[null, 'RECEIVED', 'AWAITING_CITIZEN', 'RECEIVED', 'RECEIVED', 'RECEIVED', 'RECEIVED', 'RECEIVED',
                            'ROUTED', 'RECEIVED', 'ROUTED', 'ROUTED', 'ROUTED', 'ROUTED', 'ROUTED', 'IN_PROGRESS', 'IN_PROGRESS',
                            'AWAITING_CITIZEN', null, null, 'IN_PROGRESS', 'IN_PROGRESS', 'UNDER_REVIEW', 'IN_PROGRESS',
                            'UNDER_REVIEW', null, 'ANSWERED', 'ANSWERED', 'ROUTED', 'ROUTED', 'ROUTED', 'IN_PROGRESS', null, null,
                            'UNDER_REVIEW', null, 'ANSWERED'])[e.k] end,
       case e.k when 19 then q.st_n when 20 then q.st_ne when 33 then q.st_n2 when 34 then q.st_n2e
                when 26 then (case when q.t_close1 < q.t_fb1 then 'CLOSED' else 'ANSWERED' end)
                when 36 then (case when q.t_close2 < q.t_fb2 then 'CLOSED' else 'ANSWERED' end)
                else (array['RECEIVED', 'AWAITING_CITIZEN', 'RECEIVED', 'RECEIVED', 'RECEIVED', 'RECEIVED', 'REJECTED', 'ROUTED',
                            'RECEIVED', 'ROUTED', 'ROUTED', 'ROUTED', 'ROUTED', 'ROUTED', 'IN_PROGRESS', 'IN_PROGRESS',
                            'AWAITING_CITIZEN', 'IN_PROGRESS', null, null, 'CLOSED', 'UNDER_REVIEW', 'IN_PROGRESS', 'UNDER_REVIEW',
                            'ANSWERED', null, 'CLOSED', 'ROUTED', 'ROUTED', 'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW', null, null,
                            'ANSWERED', null, 'CLOSED'])[e.k] end,
       case e.k
           when 2 then (array['Merci de préciser la date de votre démarche.', 'Pouvez-vous nous communiquer le numéro de votre dossier ?',
                              'Pouvez-vous préciser le quartier et l''adresse exacte ?', 'Quel service avez-vous contacté et à quelle date ?'])[1 + q.g % 4]
           when 3 then (array['La démarche date du mois dernier.', 'Le numéro figure sur mon reçu, je le joins.',
                              'C''est au quartier Sogefiha, près du marché.', 'Voici les précisions demandées.'])[1 + q.g % 4]
           when 4 then 'Échéance dépassée : TRIAGE'
           when 5 then 'Escalade aux superviseurs de l''OSEP : TRIAGE'
           when 6 then (case when q.g % 100 < 3 then 'Accepted; type ' || (case when q.type = 'COMPLAINT' then 'OBSERVATION' else 'COMPLAINT' end) || ' → ' || q.type
                             when q.g % 100 < 7 then 'Accepted; category corrected' else 'Accepted' end)
           when 7 then (case q.reason
                            when 'OUT_OF_SCOPE' then 'Cette demande ne relève pas du service public : elle concerne un litige entre particuliers.'
                            when 'INSUFFICIENT' then 'Les informations fournies ne permettent pas de traiter votre demande. Merci de la soumettre à nouveau avec plus de détails.'
                            when 'DUPLICATE' then 'Cette demande fait doublon avec la demande ' || pg_temp.code32(q.dup_trk) || ', déjà enregistrée.'
                            else 'Cette demande ne respecte pas les conditions d''utilisation de la plateforme.' end)
           when 8 then q.a1_name
           when 9 then (array['Cette demande ne relève pas de nos services.', 'Demande à orienter vers l''administration compétente.',
                              'Le service concerné dépend d''une autre administration.'])[1 + q.g % 3]
           when 10 then q.af_name
           when 11 then (array['Mauvaise orientation initiale.', 'Compétence d''une autre administration après vérification.',
                               'Demande transférée à l''administration compétente.'])[1 + q.g % 3]
           when 12 then q.af_name
           when 13 then 'Échéance dépassée : ACKNOWLEDGEMENT'
           when 14 then 'Escalade aux superviseurs de l''OSEP : ACKNOWLEDGEMENT'
           when 16 then (array['Dossier transmis au service technique.', 'Relance effectuée par téléphone auprès du service.',
                               'Le citoyen a rappelé le centre d''appels.', 'En attente du retour de la direction régionale.',
                               'Vérification en cours dans le registre.'])[1 + q.g % 5]
           when 17 then (array['Merci de préciser la date de votre démarche.', 'Pouvez-vous nous communiquer le numéro de votre dossier ?',
                               'Merci de joindre une copie de votre reçu.', 'Pouvez-vous préciser le quartier et l''adresse exacte ?',
                               'Quel est le nom du service où vous avez déposé votre demande ?'])[1 + q.g % 5]
           when 18 then (array['La démarche date du mois dernier.', 'Le numéro figure sur mon reçu, je le joins.',
                               'C''est au quartier Sogefiha, près du marché.', 'J''ai déposé mon dossier au guichet principal.',
                               'Voici les précisions demandées.'])[1 + q.g % 5]
           when 19 then 'Échéance dépassée : ANSWER'
           when 20 then 'Escalade aux superviseurs de l''OSEP : ANSWER'
           when 21 then (array['Merci pour votre contribution : elle a été transmise au service concerné.',
                               'Votre suggestion a été enregistrée et sera étudiée.',
                               'Merci pour votre signalement, le service concerné en a été informé.'])[1 + q.g % 3]
           when 23 then (array['Réponse incomplète : préciser le délai de traitement.', 'Merci d''indiquer les démarches à suivre par le citoyen.',
                               'Ton à revoir et références du dossier à ajouter.', 'Répondre à toutes les questions du citoyen.'])[1 + q.g % 4]
           when 26 then q.rating || '/5' || case when q.satisfied then ', satisfait' else ', non satisfait' end
           when 27 then (case q.close1 when 'SAT' then 'Le citoyen est satisfait de la réponse'
                                       when 'AUTO' then 'Clôturée automatiquement à la fin du délai de contestation'
                                       else (array[null, 'Réponse transmise au citoyen, dossier clôturé.', 'Dossier clôturé par l''OSEP.'])[1 + q.g % 3] end)
           when 28 then (array['La réponse ne règle pas mon problème.', 'Rien n''a changé depuis la réponse.',
                               'La réponse ne correspond pas à ma demande.', 'Le service m''a de nouveau renvoyé sans solution.'])[1 + q.g % 4]
           when 29 then 'Échéance dépassée : ACKNOWLEDGEMENT'
           when 30 then 'Escalade aux superviseurs de l''OSEP : ACKNOWLEDGEMENT'
           when 33 then 'Échéance dépassée : ANSWER'
           when 34 then 'Escalade aux superviseurs de l''OSEP : ANSWER'
           when 36 then q.rating2 || '/5' || case when q.satisfied2 then ', satisfait' else ', non satisfait' end
           when 37 then (case when q.t_close2 = q.t_fb2 then 'Le citoyen est satisfait de la réponse'
                              else 'Clôturée automatiquement à la fin du délai de contestation' end)
       end,
       (array['PUBLIC', 'PUBLIC', 'PUBLIC', 'INTERNAL', 'INTERNAL', 'INTERNAL', 'PUBLIC', 'PUBLIC', 'INTERNAL', 'PUBLIC', 'INTERNAL',
              'PUBLIC', 'INTERNAL', 'INTERNAL', 'PUBLIC', 'INTERNAL', 'PUBLIC', 'PUBLIC', 'INTERNAL', 'INTERNAL', 'PUBLIC', 'INTERNAL',
              'INTERNAL', 'INTERNAL', 'PUBLIC', 'PUBLIC', 'PUBLIC', 'PUBLIC', 'INTERNAL', 'INTERNAL', 'PUBLIC', 'INTERNAL', 'INTERNAL',
              'INTERNAL', 'PUBLIC', 'PUBLIC', 'PUBLIC'])[e.k],
       -- the ids the statistics read (V16): the routings, the handback by the first administration,
       -- the re-routing from it to the final one
       case e.k when 8 then jsonb_build_object('administrationId', q.a1_id)
                when 9 then jsonb_build_object('administrationId', q.a1_id)
                when 10 then jsonb_build_object('administrationId', q.af_id)
                when 11 then jsonb_build_object('fromAdministrationId', q.a1_id, 'toAdministrationId', q.af_id)
                when 12 then jsonb_build_object('administrationId', q.af_id) end
from (select r.*, fa.name as af_name, f1.name as a1_name, fa.id as af_id, f1.id as a1_id,
             (:'osep_ids'::uuid[])[1 + r.g % 20] as osep, (:'osep_ids'::uuid[])[1 + (r.g / 20) % 20] as osep2,
             (:'agent_ids'::uuid[])[(r.af - 1) * 4 + 1 + r.g % 4] as agent,
             (:'agent_ids'::uuid[])[(r.a1 - 1) * 4 + 1 + r.g % 4] as agent1,
             case when r.channel = 'PHONE' then (:'operator_ids'::uuid[])[1 + r.g % 12]
                  when coalesce(d.acct, r.acct) then pg_temp.nid(coalesce(d.c, r.c) * 64 + 47) end as submitter,
             case when r.channel = 'PHONE' then 'operator' when coalesce(d.acct, r.acct) then 'citizen' else 'anonymous' end as submitter_role,
             case when coalesce(d.acct, r.acct) then pg_temp.nid(coalesce(d.c, r.c) * 64 + 47) end as citizen,
             case when coalesce(d.acct, r.acct) then 'citizen' else 'anonymous' end as citizen_role,
             -- the status when the deadline watch flagged the answer stage: under review or in progress
             case when r.dm_n >= r.t_sub2 then 'UNDER_REVIEW' when r.dm_n >= r.t_ret then 'IN_PROGRESS'
                  when r.dm_n >= r.t_sub1 then 'UNDER_REVIEW' else 'IN_PROGRESS' end as st_n,
             case when r.dme_n >= r.t_sub2 then 'UNDER_REVIEW' when r.dme_n >= r.t_ret then 'IN_PROGRESS'
                  when r.dme_n >= r.t_sub1 then 'UNDER_REVIEW' else 'IN_PROGRESS' end as st_ne,
             case when r.dm_n2 >= r.t_sub3 then 'UNDER_REVIEW' else 'IN_PROGRESS' end as st_n2,
             case when r.dme_n2 >= r.t_sub3 then 'UNDER_REVIEW' else 'IN_PROGRESS' end as st_n2e
      from gen_rq r
      left join gen_dup d on d.g = r.g
      join gen_adm fa on fa.i = r.af
      join gen_adm f1 on f1.i = r.a1
      offset 0) q
cross join lateral (
    select u.t, u.k::int4 as k
    from unnest(array[q.t0, q.t_it, q.t_rt, q.dm_t, q.dme_t, q.t_qual, case when q.rej then q.t_dec end,
                      case when not q.rej then q.t_dec end, q.t_hb, q.t_route2, q.t_rr, q.t_rr, q.dm_a, q.dme_a, q.t_ack,
                      q.t_note, q.t_i, q.t_r, q.dm_n, q.dme_n, q.t_soc, q.t_sub1, q.t_ret, q.t_sub2, q.t_deliv,
                      case when q.t_fb1 < q.t_reo or q.t_reo is null then q.t_fb1 end, q.t_close1, q.t_reo, q.dm_a2, q.dme_a2,
                      q.t_ack2, q.t_sub3, q.dm_n2, q.dme_n2, q.t_deliv2, q.t_fb2, q.t_close2]) with ordinality as u (t, k)
    where u.t <= :now_e
    order by u.t, u.k
) e
), events as (
    insert into request_event (id, request_id, occurred_at, type, actor_id, actor_role, from_status, to_status, visibility, data)
    select id, request_id, occurred_at, type, actor_id, actor_role, from_status, to_status, visibility, data from gen
)
insert into request_event_text (event_id, message)
select id, message from gen where message is not null;

-- Answers: the first draft returned with remarks, the delivered one, the answer after a reopening.
insert into answer (id, request_id, author_id, text, status, submitted_at, reviewed_at, reviewer_id, remarks, delivered_at, version)
select pg_temp.nid(q.g * 64 + 40 + a.k), q.id, q.agent,
       case when a.k = 1 and q.ret then 'Votre demande est en cours de traitement par nos services.'
            else 'Bonjour, ' || q.af_name || ' a bien reçu votre demande. '
                 || case when a.k = 3 then 'Suite à votre contestation, le dossier a été réexaminé et une solution définitive a été apportée.'
                         when q.type <> 'COMPLAINT' then
                              (array['Votre proposition a été transmise à la direction concernée, qui l''étudiera.',
                                     'Merci pour votre signalement : une intervention est programmée.',
                                     'Votre observation a été prise en compte dans notre plan d''amélioration.'])[1 + q.g % 3]
                         else (array['Votre dossier a été traité et le document est disponible au guichet sous huit jours, muni de votre reçu.',
                                     'Une équipe technique est intervenue et la situation est rétablie.',
                                     'Votre dossier a été régularisé ; le paiement interviendra à la prochaine échéance.',
                                     'Après vérification, votre situation est conforme ; aucune somme ne vous est due.',
                                     'Votre dossier a été transmis au service compétent, qui vous contactera sous huit jours.',
                                     'Les agents concernés ont été rappelés à l''ordre et des mesures ont été prises.'])[1 + (q.g + a.k) % 6] end
                 || ' ' || (array['Nous restons à votre disposition.', 'Merci de votre confiance.', 'Cordialement.'])[1 + q.g % 3] end,
       case when a.k = 1 and q.ret then (case when q.t_ret <= :now_e then 'RETURNED' else 'UNDER_REVIEW' end)
            when a.done <= :now_e then 'DELIVERED' else 'UNDER_REVIEW' end,
       to_timestamp(a.t),
       to_timestamp(case when a.k = 1 and q.ret then (case when q.t_ret <= :now_e then q.t_ret end)
                         when not q.trusted and a.done <= :now_e then a.done end),
       case when (a.k = 1 and q.ret and q.t_ret <= :now_e) or (not (a.k = 1 and q.ret) and not q.trusted and a.done <= :now_e)
            then q.osep2 end,
       case when a.k = 1 and q.ret and q.t_ret <= :now_e then
           (array['Réponse incomplète : préciser le délai de traitement.', 'Merci d''indiquer les démarches à suivre par le citoyen.',
                  'Ton à revoir et références du dossier à ajouter.', 'Répondre à toutes les questions du citoyen.'])[1 + q.g % 4] end,
       to_timestamp(case when not (a.k = 1 and q.ret) and a.done <= :now_e then a.done end),
       case when (a.k = 1 and q.ret and q.t_ret <= :now_e) or (not (a.k = 1 and q.ret) and not q.trusted and a.done <= :now_e)
            then 1 else 0 end
from (select r.g, r.id, r.trusted, r.ret, r.t_ret, r.type, r.t_sub1, r.t_sub2, r.t_deliv, r.t_sub3, r.t_deliv2, fa.name as af_name,
             (:'osep_ids'::uuid[])[1 + (r.g / 20) % 20] as osep2,
             (:'agent_ids'::uuid[])[(r.af - 1) * 4 + 1 + r.g % 4] as agent
      from gen_rq r join gen_adm fa on fa.i = r.af
      where r.t_sub1 <= :now_e
      offset 0) q
cross join lateral (values (1, q.t_sub1, q.t_deliv), (2, q.t_sub2, q.t_deliv), (3, q.t_sub3, q.t_deliv2)) as a (k, t, done)
where a.t <= :now_e;

-- Ratings of delivered answers (the latest delivered at the time of rating).
insert into feedback (id, request_id, answer_id, rating, satisfied, clarity, speed, courtesy, comment, submitted_at)
select pg_temp.nid(r.g * 64 + 44 + f.k), r.id, pg_temp.nid(r.g * 64 + 40 + f.a),
       f.rating, f.satisfied,
       case when r.u_crit < 0.6 then least(5, greatest(1, f.rating + (r.g % 3)::int4 - 1)) end,
       case when r.u_crit < 0.6 then least(5, greatest(1, f.rating + ((r.g / 3) % 3)::int4 - 1 - (f.late)::int4)) end,
       case when r.u_crit < 0.6 then least(5, greatest(1, f.rating + ((r.g / 9) % 2)::int4)) end,
       case when r.u_comment < 0.3 then
           (array['Aucune solution, réponse automatique.', 'Le problème persiste.', 'Délai inacceptable.',
                  'Réponse peu claire.', 'Toujours en attente d''une vraie solution.', 'On me renvoie encore vers un autre service.',
                  'Réponse correcte mais délai trop long.', 'Problème partiellement réglé.', 'Correct, sans plus.',
                  'Réponse claire, merci.', 'Satisfait mais un peu long.', 'Bonne prise en charge.',
                  'Merci pour la rapidité.', 'Très satisfait, problème réglé.', 'Bon suivi, merci à l''équipe.'])[3 * (f.rating - 1) + 1 + (r.g / 7) % 3] end,
       to_timestamp(f.t)
from gen_rq r
cross join lateral (values
    (1, case when r.t_fb1 < r.t_reo or r.t_reo is null then r.t_fb1 end, case when r.ret then 2 else 1 end, r.rating, r.satisfied,
        r.t_deliv > r.due_ans),
    (2, r.t_fb2, 3, r.rating2, r.satisfied2, r.t_deliv2 > r.due_ans2)) as f (k, t, a, rating, satisfied, late)
where (r.t_fb1 <= :now_e or r.t_fb2 <= :now_e) and f.t <= :now_e;

-- Back: primary and unique keys, indexes, then foreign keys (validated), as they were.
select format('alter table %s add constraint %I %s', tbl, conname, def) from gen_saved_constraint where contype in ('p', 'u') \gexec
select indexdef from gen_saved_index i
where indexdef not like '% WHERE %= ANY (%'
  and not exists (select 1 from gen_saved_constraint c where c.conname = i.indexname and c.contype in ('p', 'u')) \gexec
select format('alter table %s add constraint %I %s', tbl, conname, def) from gen_saved_constraint where contype = 'f' \gexec
do $$
declare
    diff record;
    differs boolean := false;
begin
    for diff in
        (select 'missing' as what, indexname as name, indexdef as def from gen_saved_index
         except select 'missing', indexname, indexdef from pg_indexes where schemaname = current_schema())
        union all
        (select 'unexpected', indexname, indexdef from pg_indexes where schemaname = current_schema()
             and tablename in ('citizen_request', 'request_event', 'request_event_text', 'answer', 'feedback', 'citizen')
         except select 'unexpected', indexname, indexdef from gen_saved_index)
        union all
        (select 'missing', conname, def from gen_saved_constraint
         except select 'missing', c.conname, pg_get_constraintdef(c.oid) from pg_constraint c)
    loop
        raise notice '% %: %', diff.what, diff.name, diff.def;
        differs := true;
    end loop;
    if differs then
        raise exception 'generate-requests.sql: the indexes or constraints differ from the saved definitions';
    end if;
end
$$;

-- The working time kept per request is V10's working_seconds_between on the same calendar.
do $$
begin
    if exists (select 1 from (select * from citizen_request tablesample system (1) where acknowledged_at is not null limit 2000) r
               where r.acknowledgement_working_seconds <> working_seconds_between(r.submitted_at, r.acknowledged_at)
                  or r.answer_working_seconds is distinct from
                     case when r.answered_at is not null then working_seconds_between(r.submitted_at, r.answered_at) end)
    then
        raise exception 'generate-requests.sql: working seconds differ from working_seconds_between';
    end if;
end
$$;
commit;

-- Statistics for the planner and a visibility map for index-only scans, as autovacuum would do.
vacuum (analyze) citizen_request, request_event, request_event_text, answer, feedback, citizen, staff_account, administration, category,
    public_holiday;
\timing off

\echo '--- requests by status'
select status, count(*), round(100.0 * count(*) / sum(count(*)) over (), 2) as percent
from citizen_request group by status order by count(*) desc;
select count(*) as requests, min(submitted_at) as first_submitted, max(submitted_at) as last_submitted,
       round(100.0 * count(*) filter (where status in ('RECEIVED', 'ROUTED', 'IN_PROGRESS', 'AWAITING_CITIZEN', 'UNDER_REVIEW'))
             / count(*), 2) as open_percent,
       count(*) filter (where status in ('RECEIVED', 'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW') and due_at < now()) as overdue_now
from citizen_request;
\echo '--- events, answers, feedback'
select (select count(*) from request_event) as events,
       round((select count(*) from request_event)::numeric / (select count(*) from citizen_request), 2) as events_per_request,
       (select count(*) from answer) as answers,
       (select count(*) from answer where status = 'DELIVERED') as delivered,
       (select count(*) from feedback) as feedback,
       (select round(avg(rating), 2) from feedback) as average_rating,
       (select count(*) from citizen) as citizens;
\echo '--- deadlines met'
select round(avg(triage_met::int), 3) as triage_met, round(avg(acknowledgement_met::int), 3) as acknowledgement_met,
       round(avg(answer_met::int), 3) as answer_met
from citizen_request;
