-- EXPLAIN ANALYZE of the statistics queries the API runs (stats/StatsQueries.java builds them; the
-- SQL below is what it sends, with the bound values written in), on a database filled by
-- generate-requests.sql whose roll-up the application has built (bench/stats.sh does both).
--
-- Usage: psql "$DB" -v from=2026-07-01 -v to=2026-10-01 -f bench/sql/stats-plans.sql
--        (from inclusive, to exclusive, both dates; default: the last whole quarter)
-- Run it twice and read the second run: the first one also measures reading from disk.
\set ON_ERROR_STOP on
\pset pager off
-- as the application's connections (application.properties): no JIT compilation
set jit = off;
-- and, as StatsQueries does in its transaction, room to sort a period's working times in memory
set work_mem = '64MB';
\if :{?from}
\else
  select to_char(date_trunc('quarter', now() at time zone 'UTC') - interval '3 months', 'YYYY-MM-DD') as from \gset
\endif
\if :{?to}
\else
  select to_char(date_trunc('quarter', now() at time zone 'UTC'), 'YYYY-MM-DD') as to \gset
\endif
select count(*) as requests from citizen_request;
select rolled_until, checked_at, (select count(*) from stats_daily) as rollup_rows from stats_rollup_state;
\echo 'period' :from '..' :to

\echo '--- S1 per administration over the period (GET /stats/administrations, the quarterly report, /public/stats)'
explain (analyze, buffers)
with f as materialized (select * from (select * from stats_daily where day >= date :'from' and day < date :'to'
        union all select * from stats_facts(timestamptz :'from', timestamptz :'from', null)
        union all select * from stats_facts(timestamptz :'to', timestamptz :'to', null)) f
    where f.administration_id is not null),
totals as (
    select f.administration_id as id, sum(f.received) as received, sum(f.answered) as answered,
           sum(f.acknowledgements_judged) as ack_judged, sum(f.acknowledgements_met) as ack_met,
           sum(f.answers_judged) as answer_judged, sum(f.answers_met) as answer_met,
           sum(f.answered_reopened) as reopened, sum(f.handbacks) as handbacks,
           sum(f.reroutes) as reroutes, sum(f.delivered) as delivered, sum(f.ratings) as ratings,
           sum(f.rating_sum) as rating_sum, sum(f.rated_4_or_5) as rated_4_or_5, sum(f.satisfied) as satisfied
    from f group by 1),
acknowledgement as (
    select id, percentile_cont(array[0.5, 0.9]) within group (order by d) as p
    from (select f.administration_id as id, unnest(f.acknowledgement_days) as d from f where true) days group by 1),
answer as (
    select id, percentile_cont(array[0.5, 0.9]) within group (order by d) as p
    from (select f.administration_id as id, unnest(f.answer_days) as d from f) days group by 1)
select t.*, ack.p, ans.p
from totals t left join acknowledgement ack on ack.id = t.id left join answer ans on ans.id = t.id;

\echo '--- S2 overview counts over the period (GET /stats/overview)'
explain (analyze, buffers)
select f.type, f.channel, f.category_id, sum(f.received), sum(f.answered), sum(f.closed), sum(f.rejected),
       sum(f.rejected_out_of_scope), sum(f.rejected_abusive), sum(f.rejected_duplicate), sum(f.rejected_insufficient)
from (select * from stats_daily where day >= date :'from' and day < date :'to'
      union all select * from stats_facts(timestamptz :'from', timestamptz :'from', null)
      union all select * from stats_facts(timestamptz :'to', timestamptz :'to', null)) f
where true group by 1, 2, 3;

\echo '--- S3 today, computed from the requests (the live part of every call)'
explain (analyze, buffers)
select count(*), sum(received), sum(answered) from stats_facts(date_trunc('day', now()), now(), null);

\echo '--- S4 a region filter: the period computed from the requests (GET /stats/overview?region=…)'
explain (analyze, buffers)
select f.type, f.channel, f.category_id, sum(f.received), sum(f.answered)
from stats_facts(timestamptz :'from', timestamptz :'to', 'Abidjan') f group by 1, 2, 3;
