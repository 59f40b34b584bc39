-- The statistics' SQL functions, defined here once (repeatable migration: Flyway applies this file
-- again, after the versioned migrations, whenever it changes). Change a function here, never in a
-- new versioned migration. `create or replace` cannot change a function's arguments or result type:
-- such a change needs a versioned migration that drops the function first (and whatever depends on
-- it), and this file recreates it.
-- Tables and indexes stay in the versioned migrations: the daily roll-up (V11), the months, regions
-- and calendar periods (V12), the ids of administrations in request_event.data (V16), the histograms of
-- working times (V32). After a change
-- that alters figures, a versioned migration empties the roll-up so that it is rebuilt (as V16 does).

-- Concatenates working-time arrays (their order does not matter to percentiles).
create or replace aggregate stats_concat(double precision[]) (sfunc = array_cat, stype = double precision[]);

-- Histograms of working times (V32), so that any period's percentiles merge from its days and months.
-- Working days d fall in bucket stats_time_bucket(d). With u = floor(200 d), in units of 0.005
-- working day (432 s): buckets 0 to 511 are one unit wide (below 2.56 working days); above, each
-- doubling of u, [256 × 2^s, 512 × 2^s), is cut into 256 buckets 2^s units wide, so a bucket is at
-- most 1/256 of the values it holds. stats/Histogram merges a period's histograms and reads their
-- percentiles from these bounds. A figure read from them is within 0.005 working day plus 1/256 of
-- itself of the exact percentile_cont (docs/STATISTICS.md; StatsHistogramTest checks it).
create or replace function stats_time_bucket(days double precision) returns integer
    language sql immutable parallel safe as $$
    select case when v.u < 512 then v.u::integer
                else ((w.e - 8) * 256 + (v.u >> (w.e - 8)))::integer end
    from (select floor(greatest(days, 0) * 200)::bigint as u) v,
         lateral (select 64 - position('1' in v.u::bit(64)::text) as e) w
$$;

-- A histogram: one entry per non-empty bucket, (bucket << 32) | count, sorted by bucket; null when
-- there is no value.
create or replace function stats_histogram(days double precision[]) returns bigint[]
    language sql immutable parallel safe as $$
    select array_agg((b::bigint << 32) | n order by b)
    from (select stats_time_bucket(d) as b, count(*) as n from unnest(days) d where d is not null group by 1) h
$$;

-- The entries of any histograms, concatenated, as one histogram (counts of a bucket summed).
create or replace function stats_hist_normalize(entries bigint[]) returns bigint[]
    language sql immutable parallel safe as $$
    select array_agg((b << 32) | n order by b)
    from (select e >> 32 as b, sum(e & 4294967295)::bigint as n from unnest(entries) e group by 1) h
$$;

-- Sums histograms, for the months folded from days.
create or replace aggregate stats_hist_merge(bigint[]) (sfunc = array_cat, stype = bigint[],
                                                       finalfunc = stats_hist_normalize);

-- The region a request counts under: its code, "" without a region, and UNMAPPED for a free-text
-- value that names no region (older requests whose region V24 could not map), so that those are
-- one bucket rather than as many rows as spellings.
create or replace function stats_region_bucket(region varchar) returns varchar language sql stable parallel safe as $$
    select case when $1 is null then ''
                when exists (select 1 from region r where r.code = $1) then $1
                else 'UNMAPPED' end
$$;

-- One row per figure event in [from_at, to_at): the union of every measure, not yet summed.
create or replace function stats_measures(from_at timestamptz, to_at timestamptz)
    returns table (day date, administration_id uuid, category_id uuid, type varchar, channel varchar,
                   region varchar, received integer, acknowledged integer, ack_judged integer, ack_met integer,
                   answered integer, answer_judged integer, answer_met integer, reopened integer, closed integer,
                   rejected integer, reason varchar, handbacks integer, reroutes integer, delivered integer,
                   ratings integer, rating_sum integer, rated_4_or_5 integer, satisfied integer,
                   ack_days double precision, answer_days double precision)
    language sql stable as $$
        select (r.submitted_at at time zone 'UTC')::date as day, r.administration_id, r.category_id, r.type,
               r.channel, stats_region_bucket(r.region) as region,
               1 as received, 0 as acknowledged, 0 as ack_judged, 0 as ack_met, 0 as answered, 0 as answer_judged,
               0 as answer_met, 0 as reopened, 0 as closed, 0 as rejected, null::varchar as reason, 0 as handbacks,
               0 as reroutes, 0 as delivered, 0 as ratings, 0 as rating_sum, 0 as rated_4_or_5, 0 as satisfied,
               null::double precision as ack_days, null::double precision as answer_days
        from citizen_request r
        where r.submitted_at >= from_at and r.submitted_at < to_at
        union all
        select (r.acknowledged_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               stats_region_bucket(r.region),
               0, 1, case when r.acknowledgement_met is null then 0 else 1 end,
               case when r.acknowledgement_met then 1 else 0 end, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0,
               r.acknowledgement_working_seconds / 86400.0, null
        from citizen_request r
        where r.acknowledged_at >= from_at and r.acknowledged_at < to_at
        union all
        select (r.answered_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               stats_region_bucket(r.region),
               0, 0, 0, 0, 1, case when r.answer_met is null then 0 else 1 end, case when r.answer_met then 1 else 0 end,
               case when r.reopen_count > 0 then 1 else 0 end, 0, 0, null, 0, 0, 0, 0, 0, 0, 0,
               null, r.answer_working_seconds / 86400.0
        from citizen_request r
        where r.answered_at >= from_at and r.answered_at < to_at
        union all
        select (r.closed_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               stats_region_bucket(r.region),
               0, 0, 0, 0, 0, 0, 0, 0, 1, 0, null, 0, 0, 0, 0, 0, 0, 0, null, null
        from citizen_request r
        where r.closed_at >= from_at and r.closed_at < to_at
        union all
        select (r.status_changed_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               stats_region_bucket(r.region),
               0, 0, 0, 0, 0, 0, 0, 0, 0, 1, r.rejection_reason, 0, 0, 0, 0, 0, 0, 0, null, null
        from citizen_request r
        where r.status = 'REJECTED' and r.status_changed_at >= from_at and r.status_changed_at < to_at
        union all
        select (a.delivered_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               stats_region_bucket(r.region),
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 1,
               case when f.id is null then 0 else 1 end, coalesce(f.rating, 0),
               case when f.rating >= 4 then 1 else 0 end, case when f.satisfied then 1 else 0 end, null, null
        from answer a
        join citizen_request r on r.id = a.request_id
        left join feedback f on f.answer_id = a.id
        where a.status = 'DELIVERED' and a.delivered_at >= from_at and a.delivered_at < to_at
        union all
        -- A handback counts for the administration that handed the request back, a re-routing for
        -- the one it was taken from: the ids their events record (request_event.data), whatever the
        -- administration is called now. A move whose administration is unknown counts for none.
        select (m.occurred_at at time zone 'UTC')::date, m.administration_id, r.category_id, r.type, r.channel,
               stats_region_bucket(r.region),
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null,
               case when m.type = 'HANDED_BACK' then 1 else 0 end, case when m.type = 'REROUTED' then 1 else 0 end,
               0, 0, 0, 0, 0, null, null
        from (select e.request_id, e.occurred_at, e.type,
                     (case e.type when 'HANDED_BACK' then e.data ->> 'administrationId'
                                  else e.data ->> 'fromAdministrationId' end)::uuid as administration_id
              from request_event e
              where e.type in ('HANDED_BACK', 'REROUTED') and e.occurred_at >= from_at and e.occurred_at < to_at) m
        join citizen_request r on r.id = m.request_id
        where m.administration_id is not null
$$;

-- The roll-up's rows for [from_at, to_at), computed from the requests; in_region (if not null) keeps
-- only the requests of that region (case-insensitive), for periods filtered on a region.
create or replace function stats_facts(from_at timestamptz, to_at timestamptz, in_region varchar default null)
    returns setof stats_daily language sql stable as $$
    select day, administration_id, category_id, type, channel,
           sum(received)::int, sum(acknowledged)::int, sum(ack_judged)::int, sum(ack_met)::int, sum(answered)::int,
           sum(answer_judged)::int, sum(answer_met)::int, sum(reopened)::int, sum(closed)::int, sum(rejected)::int,
           count(*) filter (where reason = 'OUT_OF_SCOPE')::int, count(*) filter (where reason = 'ABUSIVE')::int,
           count(*) filter (where reason = 'DUPLICATE')::int, count(*) filter (where reason = 'INSUFFICIENT')::int,
           sum(handbacks)::int, sum(reroutes)::int, sum(delivered)::int, sum(ratings)::int, sum(rating_sum)::int,
           sum(rated_4_or_5)::int, sum(satisfied)::int,
           array_agg(ack_days) filter (where ack_days is not null),
           array_agg(answer_days) filter (where answer_days is not null),
           stats_histogram(array_agg(ack_days) filter (where ack_days is not null)),
           stats_histogram(array_agg(answer_days) filter (where answer_days is not null))
    from stats_measures(from_at, to_at)
    where in_region is null or lower(region) = lower(in_region)
    group by day, administration_id, category_id, type, channel
$$;

-- The live rows of [from_at, to_at) by region.
create or replace function stats_facts_by_region(from_at timestamptz, to_at timestamptz) returns setof stats_daily_region
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
           region,
           stats_histogram(array_agg(ack_days) filter (where ack_days is not null)),
           stats_histogram(array_agg(answer_days) filter (where answer_days is not null))
    from stats_measures(from_at, to_at)
    group by day, administration_id, category_id, type, channel, region
$$;

-- Inserts into target the rows of source with day in [from_day, to_day), summed per
-- administration, category, type, channel (and region when by_region), dated into_day (or each
-- row's own day when into_day is null).
create or replace function stats_fold(source regclass, target regclass, from_day date, to_day date, into_day date,
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
               stats_concat(acknowledgement_days), stats_concat(answer_days) %3$s,
               stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist)
        from %1$s
        where day >= $1 and day < $2
        group by coalesce($3, day), administration_id, category_id, type, channel %3$s
    $sql$, source, target, case when by_region then ', region' else '' end)
    using from_day, to_day, into_day;
    get diagnostics rows = row_count;
    return rows;
end;
$$;

-- Recomputes the given whole days (UTC) from the requests, and their histograms and performance
-- counts per administration, per category, per both and in all (stats_scope_times), and per
-- administration, per category and in all within each region (stats_region_times), and the
-- overview's counts per category, type and channel (stats_category_counts).
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
    delete from stats_scope_times where unit = 'day' and day = any (days);
    insert into stats_scope_times
    select 'day', day, grouping(administration_id, category_id), administration_id, category_id,
           stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
           sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met),
           sum(answered), sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks), sum(reroutes),
           sum(delivered), sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
    from stats_daily where day = any (days)
    group by day, grouping sets ((administration_id), (category_id), (administration_id, category_id), ());
    delete from stats_region_times where unit = 'day' and day = any (days);
    insert into stats_region_times
    select 'day', day, grouping(administration_id, category_id), region, administration_id, category_id,
           stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
           sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met),
           sum(answered), sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks), sum(reroutes),
           sum(delivered), sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
    from stats_daily_region where day = any (days)
    group by day, region, grouping sets ((administration_id), (category_id), ());
    delete from stats_category_counts where unit = 'day' and day = any (days);
    insert into stats_category_counts
    select 'day', day, category_id, type, channel, sum(received), sum(answered), sum(closed), sum(rejected),
           sum(rejected_out_of_scope), sum(rejected_abusive), sum(rejected_duplicate), sum(rejected_insufficient)
    from stats_daily where day = any (days)
    group by day, category_id, type, channel;
    return rows;
end;
$$;

-- Refolds every month (with its histograms and counts per administration, per category and per
-- both), and recomputes the percentiles of every month, quarter and year, that holds one of the
-- given days and ends on or before complete_until.
create or replace function stats_rollup_periods(days date[], complete_until date) returns void language plpgsql as $$
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
        delete from stats_scope_times where unit = 'month' and day = m;
        insert into stats_scope_times
        select 'month', m, grouping(administration_id, category_id), administration_id, category_id,
               stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
               sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met),
               sum(answered), sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks), sum(reroutes),
               sum(delivered), sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
        from stats_monthly where day = m
        group by grouping sets ((administration_id), (category_id), (administration_id, category_id), ())
        having count(*) > 0; -- the total () of a month without rows would be a row of nulls
        delete from stats_region_times where unit = 'month' and day = m;
        insert into stats_region_times
        select 'month', m, grouping(administration_id, category_id), region, administration_id, category_id,
               stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
               sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met),
               sum(answered), sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks), sum(reroutes),
               sum(delivered), sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
        from stats_monthly_region where day = m
        group by region, grouping sets ((administration_id), (category_id), ());
        delete from stats_category_counts where unit = 'month' and day = m;
        insert into stats_category_counts
        select 'month', m, category_id, type, channel, sum(received), sum(answered), sum(closed), sum(rejected),
               sum(rejected_out_of_scope), sum(rejected_abusive), sum(rejected_duplicate), sum(rejected_insufficient)
        from stats_monthly where day = m
        group by category_id, type, channel;
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
        -- and the rows per group of complete quarters and years, from their months (V37)
        if p.unit <> 'month' then
            delete from stats_scope_times where unit = p.unit and day = p.start;
            insert into stats_scope_times
            select p.unit, p.start, scope, administration_id, category_id,
                   stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
                   sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met),
                   sum(answered), sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks),
                   sum(reroutes), sum(delivered), sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
            from stats_scope_times where unit = 'month' and day >= p.start and day < p.stop
            group by scope, administration_id, category_id;
            delete from stats_region_times where unit = p.unit and day = p.start;
            insert into stats_region_times
            select p.unit, p.start, scope, region, administration_id, category_id,
                   stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
                   sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met),
                   sum(answered), sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks),
                   sum(reroutes), sum(delivered), sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
            from stats_region_times where unit = 'month' and day >= p.start and day < p.stop
            group by scope, region, administration_id, category_id;
            delete from stats_category_counts where unit = p.unit and day = p.start;
            insert into stats_category_counts
            select p.unit, p.start, category_id, type, channel, sum(received), sum(answered), sum(closed),
                   sum(rejected), sum(rejected_out_of_scope), sum(rejected_abusive), sum(rejected_duplicate),
                   sum(rejected_insufficient)
            from stats_category_counts where unit = 'month' and day >= p.start and day < p.stop
            group by category_id, type, channel;
        end if;
    end loop;
end;
$$;
