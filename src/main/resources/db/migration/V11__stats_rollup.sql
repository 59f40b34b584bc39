-- Statistics on a national archive: a daily roll-up of every additive figure, so that a quarter or a
-- year reads a few thousand rows instead of millions of requests.
--
-- Each figure counts on the day (UTC = Abidjan time) of its own event: received on the day of
-- submission, acknowledged on the day of acknowledgement, answered on the day the answer reached the
-- citizen, ratings on the day of that answer's delivery, a handback on the day it happened and
-- against the administration that handed back. Rows are grouped by the request's current
-- administration, category, type, channel and region, the dimensions the statistics filter on.
-- The working times of each acknowledgement and answer are kept as arrays, so that medians and
-- 90th percentiles stay exact (percentile_cont over the same values as the requests themselves).
--
-- stats_facts(from, to) computes these rows from the requests for any time range; stats_daily holds
-- them for whole past days. Readers take stats_daily for days before stats_rollup_state.rolled_until
-- and stats_facts for the rest (today, and any partial day at either end of a period), so figures are
-- always complete; stats/StatsRollup refreshes the days that changed (see docs/STATISTICS.md).

create table stats_daily (
    day                   date        not null,
    administration_id     uuid,
    category_id           uuid        not null,
    type                  varchar(20) not null,
    channel               varchar(10) not null,
    received              integer     not null,
    acknowledged          integer     not null,
    acknowledgements_judged integer   not null,
    acknowledgements_met  integer     not null,
    answered              integer     not null,
    answers_judged        integer     not null,
    answers_met           integer     not null,
    answered_reopened     integer     not null,
    closed                integer     not null,
    rejected              integer     not null,
    rejected_out_of_scope integer     not null,
    rejected_abusive      integer     not null,
    rejected_duplicate    integer     not null,
    rejected_insufficient integer     not null,
    handbacks             integer     not null,
    reroutes              integer     not null,
    delivered             integer     not null,
    ratings               integer     not null,
    rating_sum            integer     not null,
    rated_4_or_5          integer     not null,
    satisfied             integer     not null,
    -- working days (24 working hours each) from submission to each acknowledgement / answer of the day
    acknowledgement_days  double precision[],
    answer_days           double precision[]
);
create index stats_daily_day_idx on stats_daily (day);

-- Requests received per region, for the overview's breakdown (the only figure read by region
-- from the roll-up: a period filtered on a region is computed from the requests, see below).
create table stats_daily_region (
    day               date         not null,
    administration_id uuid,
    category_id       uuid         not null,
    type              varchar(20)  not null,
    channel           varchar(10)  not null,
    region            varchar(100) not null,
    received          integer      not null
);
create index stats_daily_region_day_idx on stats_daily_region (day);

-- One row: days before rolled_until are in stats_daily; changes to requests updated since
-- checked_at (less a safety margin) are not folded in yet.
create table stats_rollup_state (
    id            integer primary key check (id = 1),
    rolled_until  date,
    checked_at    timestamptz
);
insert into stats_rollup_state (id, rolled_until, checked_at) values (1, null, null);

-- Each figure reads its requests through an index on its own timestamp.
create index citizen_request_acknowledged_at_idx on citizen_request (acknowledged_at) where acknowledged_at is not null;
create index citizen_request_answered_at_idx on citizen_request (answered_at) where answered_at is not null;
create index citizen_request_closed_at_idx on citizen_request (closed_at) where closed_at is not null;
create index citizen_request_rejected_at_idx on citizen_request (status_changed_at) where status = 'REJECTED';
create index citizen_request_updated_at_idx on citizen_request (updated_at);
create index answer_delivered_at_idx on answer (delivered_at) where status = 'DELIVERED';
create index request_event_moves_idx on request_event (occurred_at) where type in ('HANDED_BACK', 'REROUTED');

-- One row per figure event in [from_at, to_at): the union of every measure, not yet summed.
create function stats_measures(from_at timestamptz, to_at timestamptz)
    returns table (day date, administration_id uuid, category_id uuid, type varchar, channel varchar,
                   region varchar, received integer, acknowledged integer, ack_judged integer, ack_met integer,
                   answered integer, answer_judged integer, answer_met integer, reopened integer, closed integer,
                   rejected integer, reason varchar, handbacks integer, reroutes integer, delivered integer,
                   ratings integer, rating_sum integer, rated_4_or_5 integer, satisfied integer,
                   ack_days double precision, answer_days double precision)
    language sql stable as $$
        select (r.submitted_at at time zone 'UTC')::date as day, r.administration_id, r.category_id, r.type,
               r.channel, coalesce(r.region, '') as region,
               1 as received, 0 as acknowledged, 0 as ack_judged, 0 as ack_met, 0 as answered, 0 as answer_judged,
               0 as answer_met, 0 as reopened, 0 as closed, 0 as rejected, null::varchar as reason, 0 as handbacks,
               0 as reroutes, 0 as delivered, 0 as ratings, 0 as rating_sum, 0 as rated_4_or_5, 0 as satisfied,
               null::double precision as ack_days, null::double precision as answer_days
        from citizen_request r
        where r.submitted_at >= from_at and r.submitted_at < to_at
        union all
        select (r.acknowledged_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               coalesce(r.region, ''),
               0, 1, case when r.acknowledgement_met is null then 0 else 1 end,
               case when r.acknowledgement_met then 1 else 0 end, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0,
               r.acknowledgement_working_seconds / 86400.0, null
        from citizen_request r
        where r.acknowledged_at >= from_at and r.acknowledged_at < to_at
        union all
        select (r.answered_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               coalesce(r.region, ''),
               0, 0, 0, 0, 1, case when r.answer_met is null then 0 else 1 end, case when r.answer_met then 1 else 0 end,
               case when r.reopen_count > 0 then 1 else 0 end, 0, 0, null, 0, 0, 0, 0, 0, 0, 0,
               null, r.answer_working_seconds / 86400.0
        from citizen_request r
        where r.answered_at >= from_at and r.answered_at < to_at
        union all
        select (r.closed_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               coalesce(r.region, ''),
               0, 0, 0, 0, 0, 0, 0, 0, 1, 0, null, 0, 0, 0, 0, 0, 0, 0, null, null
        from citizen_request r
        where r.closed_at >= from_at and r.closed_at < to_at
        union all
        select (r.status_changed_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               coalesce(r.region, ''),
               0, 0, 0, 0, 0, 0, 0, 0, 0, 1, r.rejection_reason, 0, 0, 0, 0, 0, 0, 0, null, null
        from citizen_request r
        where r.status = 'REJECTED' and r.status_changed_at >= from_at and r.status_changed_at < to_at
        union all
        select (a.delivered_at at time zone 'UTC')::date, r.administration_id, r.category_id, r.type, r.channel,
               coalesce(r.region, ''),
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 1,
               case when f.id is null then 0 else 1 end, coalesce(f.rating, 0),
               case when f.rating >= 4 then 1 else 0 end, case when f.satisfied then 1 else 0 end, null, null
        from answer a
        join citizen_request r on r.id = a.request_id
        left join feedback f on f.answer_id = a.id
        where a.status = 'DELIVERED' and a.delivered_at >= from_at and a.delivered_at < to_at
        union all
        -- The administration a request was handed back by, or re-routed away from, is the one named
        -- by the request's last ROUTED event before that move.
        select (e.occurred_at at time zone 'UTC')::date, adm.id, r.category_id, r.type, r.channel,
               coalesce(r.region, ''),
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null,
               case when e.type = 'HANDED_BACK' then 1 else 0 end, case when e.type = 'REROUTED' then 1 else 0 end,
               0, 0, 0, 0, 0, null, null
        from request_event e
        join citizen_request r on r.id = e.request_id
        join lateral (select p.message from request_event p
                      where p.request_id = e.request_id and p.type = 'ROUTED' and p.seq < e.seq
                      order by p.seq desc limit 1) last on true
        join administration adm on adm.name = last.message
        where e.type in ('HANDED_BACK', 'REROUTED') and e.occurred_at >= from_at and e.occurred_at < to_at
$$;

-- The roll-up's rows for [from_at, to_at), computed from the requests; in_region (if not null) keeps
-- only the requests of that region (case-insensitive), for periods filtered on a region.
create function stats_facts(from_at timestamptz, to_at timestamptz, in_region varchar default null)
    returns setof stats_daily language sql stable as $$
    select day, administration_id, category_id, type, channel,
           sum(received)::int, sum(acknowledged)::int, sum(ack_judged)::int, sum(ack_met)::int, sum(answered)::int,
           sum(answer_judged)::int, sum(answer_met)::int, sum(reopened)::int, sum(closed)::int, sum(rejected)::int,
           count(*) filter (where reason = 'OUT_OF_SCOPE')::int, count(*) filter (where reason = 'ABUSIVE')::int,
           count(*) filter (where reason = 'DUPLICATE')::int, count(*) filter (where reason = 'INSUFFICIENT')::int,
           sum(handbacks)::int, sum(reroutes)::int, sum(delivered)::int, sum(ratings)::int, sum(rating_sum)::int,
           sum(rated_4_or_5)::int, sum(satisfied)::int,
           array_agg(ack_days) filter (where ack_days is not null),
           array_agg(answer_days) filter (where answer_days is not null)
    from stats_measures(from_at, to_at)
    where in_region is null or lower(region) = lower(in_region)
    group by day, administration_id, category_id, type, channel
$$;

create function stats_facts_by_region(from_at timestamptz, to_at timestamptz) returns setof stats_daily_region
    language sql stable as $$
    select day, administration_id, category_id, type, channel, region, count(*)::int
    from stats_measures(from_at, to_at)
    where received = 1
    group by day, administration_id, category_id, type, channel, region
$$;

-- Recomputes the given whole days (UTC) from the requests.
create function stats_rollup_days(days date[]) returns integer language plpgsql as $$
declare
    rows integer;
begin
    delete from stats_daily where day = any (days);
    delete from stats_daily_region where day = any (days);
    insert into stats_daily
    select f.* from unnest(days) d, stats_facts(d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC') f;
    get diagnostics rows = row_count;
    insert into stats_daily_region
    select f.* from unnest(days) d,
                    stats_facts_by_region(d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC') f;
    return rows;
end;
$$;
