-- The overview's counts (received, answered, closed, rejected and why) per category, type and
-- channel, summed over administrations, for every rolled-up day, month, quarter and year. The
-- overview of a period without an administration or region filter reads these instead of every
-- roll-up row: a rolling year at 5M requests read 105,000 rows per call (180 ms), it reads about
-- 2,000 (docs/PERFORMANCE.md). Kept by stats_rollup_days and stats_rollup_periods
-- (R__stats_functions).
create table stats_category_counts (
    unit                  varchar(7) not null check (unit in ('day', 'month', 'quarter', 'year')),
    day                   date       not null,
    category_id           uuid       not null,
    type                  varchar(20) not null,
    channel               varchar(20) not null,
    received              bigint     not null default 0,
    answered              bigint     not null default 0,
    closed                bigint     not null default 0,
    rejected              bigint     not null default 0,
    rejected_out_of_scope bigint     not null default 0,
    rejected_abusive      bigint     not null default 0,
    rejected_duplicate    bigint     not null default 0,
    rejected_insufficient bigint     not null default 0
);
create index stats_category_counts_idx on stats_category_counts (unit, day);

-- The archive already rolled up, from its days and months, then quarters and years from the months
insert into stats_category_counts
select 'day', day, category_id, type, channel, sum(received), sum(answered), sum(closed), sum(rejected),
       sum(rejected_out_of_scope), sum(rejected_abusive), sum(rejected_duplicate), sum(rejected_insufficient)
from stats_daily group by day, category_id, type, channel
union all
select 'month', day, category_id, type, channel, sum(received), sum(answered), sum(closed), sum(rejected),
       sum(rejected_out_of_scope), sum(rejected_abusive), sum(rejected_duplicate), sum(rejected_insufficient)
from stats_monthly group by day, category_id, type, channel;

insert into stats_category_counts
select u.unit, date_trunc(u.unit, m.day)::date, m.category_id, m.type, m.channel, sum(m.received), sum(m.answered),
       sum(m.closed), sum(m.rejected), sum(m.rejected_out_of_scope), sum(m.rejected_abusive), sum(m.rejected_duplicate),
       sum(m.rejected_insufficient)
from stats_category_counts m
cross join (values ('quarter', interval '3 months'), ('year', interval '1 year')) u(unit, length)
join stats_rollup_state s on s.id = 1
where m.unit = 'month' and s.rolled_until is not null and date_trunc(u.unit, m.day) + u.length <= s.rolled_until
group by u.unit, date_trunc(u.unit, m.day), m.category_id, m.type, m.channel;
