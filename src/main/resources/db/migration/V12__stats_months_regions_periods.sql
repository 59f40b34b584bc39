-- Statistics on long periods and on regions, without reading every day of them.
--
-- 1. A monthly level: stats_monthly holds each complete calendar month's rows, folded from
--    stats_daily (same columns; day is the first of the month). A year reads 12 × ~5k rows instead
--    of 365 × ~1k.
-- 2. Every figure by region: stats_daily_region now has all of stats_daily's columns plus the
--    region, and stats_monthly_region folds it by month. A period filtered on a region reads them
--    instead of computing from the requests. stats_daily is folded from stats_daily_region, so the
--    requests are read once per day.
-- 3. Exact percentiles of calendar periods: stats_period_times holds the median and 90th percentile
--    of the working times of every complete month, quarter and year, per administration, per
--    category and per both. A report on a calendar period reads them instead of ranking a quarter's
--    or a year's working times (a year is 1.3 million answers on a national archive).
--
-- The roll-up is rebuilt from the requests on the next run (see stats/StatsRollup).

-- Concatenates working-time arrays (their order does not matter to percentiles).
create aggregate stats_concat(double precision[]) (sfunc = array_cat, stype = double precision[]);

drop function stats_facts_by_region(timestamptz, timestamptz);
drop table stats_daily_region;

create table stats_daily_region (like stats_daily);
alter table stats_daily_region add column region varchar(100) not null;
create index stats_daily_region_day_idx on stats_daily_region (day);
create index stats_daily_region_region_idx on stats_daily_region (lower(region), day);

create table stats_monthly (like stats_daily);
create index stats_monthly_day_idx on stats_monthly (day);

create table stats_monthly_region (like stats_daily_region);
create index stats_monthly_region_day_idx on stats_monthly_region (day);
create index stats_monthly_region_region_idx on stats_monthly_region (lower(region), day);

create table stats_period_times (
    unit              varchar(7) not null check (unit in ('month', 'quarter', 'year')),
    start             date       not null,
    -- grouping(administration_id, category_id): 0 per administration and category, 1 per
    -- administration, 2 per category
    scope             smallint   not null,
    administration_id uuid,
    category_id       uuid,
    acknowledgement_p50 double precision,
    acknowledgement_p90 double precision,
    answer_p50          double precision,
    answer_p90          double precision
);
create index stats_period_times_period_idx on stats_period_times (unit, start, scope);

-- The live rows of [from_at, to_at) by region.
create function stats_facts_by_region(from_at timestamptz, to_at timestamptz) returns setof stats_daily_region
    language sql stable as $$
    select day, administration_id, category_id, type, channel,
           sum(received)::int, sum(acknowledged)::int, sum(ack_judged)::int, sum(ack_met)::int, sum(answered)::int,
           sum(answer_judged)::int, sum(answer_met)::int, sum(reopened)::int, sum(closed)::int, sum(rejected)::int,
           count(*) filter (where reason = 'OUT_OF_SCOPE')::int, count(*) filter (where reason = 'ABUSIVE')::int,
           count(*) filter (where reason = 'DUPLICATE')::int, count(*) filter (where reason = 'INSUFFICIENT')::int,
           sum(handbacks)::int, sum(reroutes)::int, sum(delivered)::int, sum(ratings)::int, sum(rating_sum)::int,
           sum(rated_4_or_5)::int, sum(satisfied)::int,
           array_agg(ack_days) filter (where ack_days is not null),
           array_agg(answer_days) filter (where answer_days is not null),
           region
    from stats_measures(from_at, to_at)
    group by day, administration_id, category_id, type, channel, region
$$;

-- Inserts into target the rows of source with day in [from_day, to_day), summed per
-- administration, category, type, channel (and region when by_region), dated into_day (or each
-- row's own day when into_day is null).
create function stats_fold(source regclass, target regclass, from_day date, to_day date, into_day date,
                           by_region boolean) returns integer language plpgsql as $$
declare
    rows integer;
begin
    execute format($sql$
        insert into %2$s
        select coalesce($3, day), administration_id, category_id, type, channel,
               sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met),
               sum(answered), sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(closed),
               sum(rejected), sum(rejected_out_of_scope), sum(rejected_abusive), sum(rejected_duplicate),
               sum(rejected_insufficient), sum(handbacks), sum(reroutes), sum(delivered), sum(ratings),
               sum(rating_sum), sum(rated_4_or_5), sum(satisfied),
               stats_concat(acknowledgement_days), stats_concat(answer_days) %3$s
        from %1$s
        where day >= $1 and day < $2
        group by coalesce($3, day), administration_id, category_id, type, channel %3$s
    $sql$, source, target, case when by_region then ', region' else '' end)
    using from_day, to_day, into_day;
    get diagnostics rows = row_count;
    return rows;
end;
$$;

-- Recomputes the given whole days (UTC) from the requests.
create or replace function stats_rollup_days(days date[]) returns integer language plpgsql as $$
declare
    one_day date;
    rows integer := 0;
begin
    delete from stats_daily where day = any (days);
    delete from stats_daily_region where day = any (days);
    insert into stats_daily_region
    select f.* from unnest(days) d,
                    stats_facts_by_region(d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC') f;
    foreach one_day in array days loop
        rows := rows + stats_fold('stats_daily_region', 'stats_daily', one_day, one_day + 1, null, false);
    end loop;
    return rows;
end;
$$;

-- Refolds every month, and recomputes the percentiles of every month, quarter and year, that holds
-- one of the given days and ends on or before complete_until.
create function stats_rollup_periods(days date[], complete_until date) returns void language plpgsql as $$
declare
    m date;
    p record;
begin
    for m in select distinct date_trunc('month', d)::date from unnest(days) d
             where date_trunc('month', d) + interval '1 month' <= complete_until loop
        delete from stats_monthly where day = m;
        delete from stats_monthly_region where day = m;
        perform stats_fold('stats_daily', 'stats_monthly', m, (m + interval '1 month')::date, m, false);
        perform stats_fold('stats_daily_region', 'stats_monthly_region', m, (m + interval '1 month')::date, m, true);
    end loop;
    for p in select distinct u.unit, date_trunc(u.unit, d)::date as start,
                    (date_trunc(u.unit, d) + u.length)::date as stop
             from unnest(days) d,
                  (values ('month', interval '1 month'), ('quarter', interval '3 months'), ('year', interval '1 year'))
                      u(unit, length)
             where date_trunc(u.unit, d) + u.length <= complete_until loop
        delete from stats_period_times where unit = p.unit and start = p.start;
        -- percentile_cont with the same arguments as the readers' (stats/StatsQueries), so that a
        -- figure is the same whichever way it is computed
        insert into stats_period_times
        select p.unit, p.start, grouping(administration_id, category_id), administration_id, category_id,
               (percentile_cont(array[0.5, 0.9]) within group (order by a))[1],
               (percentile_cont(array[0.5, 0.9]) within group (order by a))[2],
               (percentile_cont(array[0.5, 0.9]) within group (order by b))[1],
               (percentile_cont(array[0.5, 0.9]) within group (order by b))[2]
        from (select administration_id, category_id, unnest(acknowledgement_days) as a, unnest(answer_days) as b
              from stats_monthly where day >= p.start and day < p.stop) times
        group by grouping sets ((administration_id), (category_id), (administration_id, category_id));
    end loop;
end;
$$;

-- The overdue queue lists its ids from this index alone (see request/WorkQueue), as does the
-- deadline watch.
drop index citizen_request_open_due_idx;
create index citizen_request_open_due_idx on citizen_request (due_at) include (submitted_at, id)
    where status in ('RECEIVED', 'ROUTED', 'IN_PROGRESS', 'UNDER_REVIEW');

-- Rebuild the roll-up with its new tables on the next run.
truncate stats_daily;
update stats_rollup_state set rolled_until = null, checked_at = null;
