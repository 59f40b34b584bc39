-- EXPLAIN ANALYZE of the statistics queries the API runs (stats/StatsQueries.java builds them; the
-- SQL below is what it sends, with the bound values written in), on a database filled by
-- generate-requests.sql whose roll-up the application has built (bench/stats.sh does both).
--
-- Usage: psql "$DB" -f bench/sql/stats-plans.sql
-- Periods: the last 365 days up to today included (a rolling year: complete months from
-- stats_monthly, the days around them from stats_daily, today from the requests) and the last
-- whole quarter (a calendar period: its percentiles from stats_period_times). The rolling year's
-- counts and histograms come from stats_scope_times (V32, V34); today is computed from the requests.
-- Run it twice and read the second run: the first one also measures reading from disk.
\set ON_ERROR_STOP on
\pset pager off
-- as the application's connections (application.properties): no JIT compilation
set jit = off;
-- and, as StatsQueries does in its transaction, room to sort a period's working times in memory
set work_mem = '64MB';
select to_char(d - 365, 'YYYY-MM-DD') as year_from,
       to_char(date_trunc('month', d - 365) + interval '1 month', 'YYYY-MM-DD') as first_month,
       to_char(date_trunc('month', d), 'YYYY-MM-DD') as end_month,
       to_char(d, 'YYYY-MM-DD') as today,
       to_char(d + 1, 'YYYY-MM-DD') as tomorrow,
       to_char(date_trunc('quarter', d) - interval '3 months', 'YYYY-MM-DD') as quarter_from,
       to_char(date_trunc('quarter', d), 'YYYY-MM-DD') as quarter_to
from (select (now() at time zone 'UTC')::date as d) today \gset
select count(*) as requests from citizen_request;
select rolled_until, checked_at, (select count(*) from stats_daily) as daily_rows,
       (select count(*) from stats_monthly) as monthly_rows, (select count(*) from stats_daily_region) as region_rows,
       (select count(*) from stats_period_times) as ranked_period_rows
from stats_rollup_state;
\echo 'rolling year' :year_from '..' :today ', months' :first_month '..' :end_month '; quarter' :quarter_from '..' :quarter_to

\echo '--- S1 per administration over the rolling year (GET /stats/administrations?from=…&to=…): counts and histograms per group'
\echo 'S1a: the counts, from stats_scope_times (V34) and today'
explain (analyze, buffers)
with live_facts as (select * from stats_facts(timestamptz :'today', timestamptz :'tomorrow', null)),
f as not materialized (select f.administration_id, f.category_id, f.received, f.acknowledged, f.acknowledgements_judged,
            f.acknowledgements_met, f.answered, f.answers_judged, f.answers_met, f.answered_reopened, f.handbacks,
            f.reroutes, f.delivered, f.ratings, f.rating_sum, f.rated_4_or_5, f.satisfied
    from (select administration_id, category_id, received, acknowledged, acknowledgements_judged, acknowledgements_met,
           answered, answers_judged, answers_met, answered_reopened, handbacks, reroutes, delivered, ratings,
           rating_sum, rated_4_or_5, satisfied, acknowledgement_hist, answer_hist from stats_scope_times
          where unit = 'day' and scope = 1 and day >= date :'year_from' and day < date :'first_month'
          union all select administration_id, category_id, received, acknowledged, acknowledgements_judged, acknowledgements_met,
           answered, answers_judged, answers_met, answered_reopened, handbacks, reroutes, delivered, ratings,
           rating_sum, rated_4_or_5, satisfied, acknowledgement_hist, answer_hist from stats_scope_times
          where unit = 'month' and scope = 1 and day >= date :'first_month' and day < date :'end_month'
          union all select administration_id, category_id, received, acknowledged, acknowledgements_judged, acknowledgements_met,
           answered, answers_judged, answers_met, answered_reopened, handbacks, reroutes, delivered, ratings,
           rating_sum, rated_4_or_5, satisfied, acknowledgement_hist, answer_hist from stats_scope_times
          where unit = 'day' and scope = 1 and day >= date :'end_month' and day < date :'today'
          union all select administration_id, category_id, received, acknowledged, acknowledgements_judged, acknowledgements_met,
           answered, answers_judged, answers_met, answered_reopened, handbacks, reroutes, delivered, ratings,
           rating_sum, rated_4_or_5, satisfied, acknowledgement_hist, answer_hist from live_facts) f
    where f.administration_id is not null),
totals as (
    select f.administration_id as id, sum(f.received) as received, sum(f.answered) as answered,
           sum(f.acknowledgements_judged) as ack_judged, sum(f.acknowledgements_met) as ack_met,
           sum(f.answers_judged) as answer_judged, sum(f.answers_met) as answer_met,
           sum(f.answered_reopened) as reopened, sum(f.handbacks) as handbacks,
           sum(f.reroutes) as reroutes, sum(f.delivered) as delivered, sum(f.ratings) as ratings,
           sum(f.rating_sum) as rating_sum, sum(f.rated_4_or_5) as rated_4_or_5, sum(f.satisfied) as satisfied,
           sum(f.acknowledged) as acknowledged
    from f group by 1)
select * from totals;
\echo 'S1b: the histograms of the same rows, which the application sums per administration (stats/Histogram)'
explain (analyze, buffers)
with live_facts as (select * from stats_facts(timestamptz :'today', timestamptz :'tomorrow', null))
select f.administration_id, f.acknowledgement_hist, f.answer_hist
from (select administration_id, category_id, received, acknowledged, acknowledgements_judged, acknowledgements_met,
           answered, answers_judged, answers_met, answered_reopened, handbacks, reroutes, delivered, ratings,
           rating_sum, rated_4_or_5, satisfied, acknowledgement_hist, answer_hist from stats_scope_times
      where unit = 'day' and scope = 1 and day >= date :'year_from' and day < date :'first_month'
      union all select administration_id, category_id, received, acknowledged, acknowledgements_judged, acknowledgements_met,
           answered, answers_judged, answers_met, answered_reopened, handbacks, reroutes, delivered, ratings,
           rating_sum, rated_4_or_5, satisfied, acknowledgement_hist, answer_hist from stats_scope_times
      where unit = 'month' and scope = 1 and day >= date :'first_month' and day < date :'end_month'
      union all select administration_id, category_id, received, acknowledged, acknowledgements_judged, acknowledgements_met,
           answered, answers_judged, answers_met, answered_reopened, handbacks, reroutes, delivered, ratings,
           rating_sum, rated_4_or_5, satisfied, acknowledgement_hist, answer_hist from stats_scope_times
      where unit = 'day' and scope = 1 and day >= date :'end_month' and day < date :'today'
      union all select administration_id, category_id, received, acknowledged, acknowledgements_judged, acknowledgements_met,
           answered, answers_judged, answers_met, answered_reopened, handbacks, reroutes, delivered, ratings,
           rating_sum, rated_4_or_5, satisfied, acknowledgement_hist, answer_hist from live_facts) f
where f.administration_id is not null;

\echo '--- S2 per administration over the calendar quarter (the same endpoint; percentiles ranked by the roll-up)'
explain (analyze, buffers)
with f as not materialized (select * from (
        select * from stats_monthly where day >= date :'quarter_from' and day < date :'quarter_to') f
    where f.administration_id is not null),
totals as (
    select f.administration_id as id, sum(f.received) as received, sum(f.answered) as answered,
           sum(f.acknowledgements_judged) as ack_judged, sum(f.acknowledgements_met) as ack_met,
           sum(f.answers_judged) as answer_judged, sum(f.answers_met) as answer_met,
           sum(f.answered_reopened) as reopened, sum(f.handbacks) as handbacks,
           sum(f.reroutes) as reroutes, sum(f.delivered) as delivered, sum(f.ratings) as ratings,
           sum(f.rating_sum) as rating_sum, sum(f.rated_4_or_5) as rated_4_or_5, sum(f.satisfied) as satisfied,
           sum(f.acknowledged) as acknowledged
    from f group by 1),
times as (
    select f.administration_id as id, f.acknowledgement_p50 as ack_p50, f.acknowledgement_p90 as ack_p90,
           f.answer_p50, f.answer_p90
    from stats_period_times f where f.unit = 'quarter' and f.start = date :'quarter_from' and f.scope = 1)
select t.*, times.ack_p50, times.ack_p90, times.answer_p50, times.answer_p90
from totals t left join times on times.id = t.id;

\echo '--- S3 overview counts over the rolling year (GET /stats/overview?from=…&to=…)'
explain (analyze, buffers)
select f.type, f.channel, f.category_id, sum(f.received), sum(f.answered), sum(f.closed), sum(f.rejected),
       sum(f.rejected_out_of_scope), sum(f.rejected_abusive), sum(f.rejected_duplicate), sum(f.rejected_insufficient)
from (select * from stats_daily where day >= date :'year_from' and day < date :'first_month'
      union all select * from stats_monthly where day >= date :'first_month' and day < date :'end_month'
      union all select * from stats_daily where day >= date :'end_month' and day < date :'today'
      union all select * from stats_facts(timestamptz :'today', timestamptz :'tomorrow', null)) f
where true group by 1, 2, 3;

\echo '--- S4 today, computed from the requests (the live part of every call)'
explain (analyze, buffers)
select count(*), sum(received), sum(answered) from stats_facts(date_trunc('day', now()), now(), null);

\echo '--- S5 a region filter over the quarter (GET /stats/overview?…&region=Abidjan): the region roll-up'
explain (analyze, buffers)
select f.type, f.channel, f.category_id, sum(f.received), sum(f.answered)
from (select * from stats_monthly_region
      where lower(region) = lower('Abidjan') and day >= date :'quarter_from' and day < date :'quarter_to') f
group by 1, 2, 3;
