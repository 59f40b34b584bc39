-- A performance table (per administration, per category) of any period without a type, channel or
-- region filter reads its counts, like its histograms, from the roll-up's rows per group
-- (stats_scope_times): a rolling year reads about 1,500 rows per administration instead of 96,000
-- roll-up rows (docs/PERFORMANCE.md, "Latency at 5M: totals and histograms per group").
alter table stats_scope_times
    add column received                bigint not null default 0,
    add column acknowledged            bigint not null default 0,
    add column acknowledgements_judged bigint not null default 0,
    add column acknowledgements_met    bigint not null default 0,
    add column answered                bigint not null default 0,
    add column answers_judged          bigint not null default 0,
    add column answers_met             bigint not null default 0,
    add column answered_reopened       bigint not null default 0,
    add column handbacks               bigint not null default 0,
    add column reroutes                bigint not null default 0,
    add column delivered               bigint not null default 0,
    add column ratings                 bigint not null default 0,
    add column rating_sum              bigint not null default 0,
    add column rated_4_or_5            bigint not null default 0,
    add column satisfied               bigint not null default 0;

-- The rows already rolled up get their sums from the same days and months the roll-up grouped
-- (R__stats_functions: stats_rollup_days, stats_rollup_periods), so that nothing is rebuilt.
with sums as (
    select 'day' as unit, day, grouping(administration_id, category_id) as scope, administration_id, category_id,
           sum(received) as received, sum(acknowledged) as acknowledged,
           sum(acknowledgements_judged) as acknowledgements_judged, sum(acknowledgements_met) as acknowledgements_met,
           sum(answered) as answered, sum(answers_judged) as answers_judged, sum(answers_met) as answers_met,
           sum(answered_reopened) as answered_reopened, sum(handbacks) as handbacks, sum(reroutes) as reroutes,
           sum(delivered) as delivered, sum(ratings) as ratings, sum(rating_sum) as rating_sum,
           sum(rated_4_or_5) as rated_4_or_5, sum(satisfied) as satisfied
    from stats_daily
    group by day, grouping sets ((administration_id), (category_id), (administration_id, category_id))
    union all
    select 'month', day, grouping(administration_id, category_id), administration_id, category_id,
           sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met), sum(answered),
           sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks), sum(reroutes),
           sum(delivered), sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
    from stats_monthly
    group by day, grouping sets ((administration_id), (category_id), (administration_id, category_id)))
update stats_scope_times t
set received = s.received, acknowledged = s.acknowledged, acknowledgements_judged = s.acknowledgements_judged,
    acknowledgements_met = s.acknowledgements_met, answered = s.answered, answers_judged = s.answers_judged,
    answers_met = s.answers_met, answered_reopened = s.answered_reopened, handbacks = s.handbacks,
    reroutes = s.reroutes, delivered = s.delivered, ratings = s.ratings, rating_sum = s.rating_sum,
    rated_4_or_5 = s.rated_4_or_5, satisfied = s.satisfied
from sums s
where t.unit = s.unit and t.day = s.day and t.scope = s.scope
  and coalesce(t.administration_id, '00000000-0000-0000-0000-000000000000') =
      coalesce(s.administration_id, '00000000-0000-0000-0000-000000000000')
  and coalesce(t.category_id, '00000000-0000-0000-0000-000000000000') =
      coalesce(s.category_id, '00000000-0000-0000-0000-000000000000');

-- The percentiles of merged histograms are read by the application (stats/Histogram), which sums a
-- period's histograms in an array of counts: a rolling year per administration at 5M requests took
-- 400 ms to merge in SQL, 50 ms so. The SQL reading is dropped so that there is one definition.
drop function if exists stats_hist_percentiles(bigint[], double precision[]);
drop function if exists stats_time_bucket_bounds(integer);
