-- The roll-up's rows per group (as stats_scope_times) kept per region too: per administration and
-- region (scope 1), per category and region (scope 2) and per region (scope 3), for every rolled-up
-- day, month, quarter and year. A period filtered on a region, and the overview's requests per
-- region, then read a few rows per group instead of every roll-up row of the region: a rolling year
-- per administration in the largest region of the 5M-request archive read 50,000 rows with their
-- histograms (584 ms at p95), and the overview's breakdown 150,000 (docs/PERFORMANCE.md). Kept by
-- stats_rollup_days and stats_rollup_periods (R__stats_functions). The region is the roll-up's
-- bucket (stats_region_bucket): a code, "" without a region, UNMAPPED for older free text.
create table stats_region_times (
    unit                    varchar(7)   not null check (unit in ('day', 'month', 'quarter', 'year')),
    day                     date         not null,
    scope                   smallint     not null check (scope in (1, 2, 3)),
    region                  varchar(100) not null,
    administration_id       uuid,
    category_id             uuid,
    acknowledgement_hist    bigint[],
    answer_hist             bigint[],
    received                bigint       not null default 0,
    acknowledged            bigint       not null default 0,
    acknowledgements_judged bigint       not null default 0,
    acknowledgements_met    bigint       not null default 0,
    answered                bigint       not null default 0,
    answers_judged          bigint       not null default 0,
    answers_met             bigint       not null default 0,
    answered_reopened       bigint       not null default 0,
    handbacks               bigint       not null default 0,
    reroutes                bigint       not null default 0,
    delivered               bigint       not null default 0,
    ratings                 bigint       not null default 0,
    rating_sum              bigint       not null default 0,
    rated_4_or_5            bigint       not null default 0,
    satisfied               bigint       not null default 0
);
-- One region's rows (a filter), and every region's rows of a period (the overview's breakdown)
create index stats_region_times_region_idx on stats_region_times (unit, scope, lower(region), day);
create index stats_region_times_day_idx on stats_region_times (unit, scope, day);

-- The archive already rolled up, from the region roll-up's days and months. Run only where a roll-up
-- exists: stats_hist_merge is defined by R__stats_functions, which Flyway applies after the
-- versioned migrations of a new database.
do $$
begin
    if exists (select 1 from stats_rollup_state where rolled_until is not null) then
        execute $sql$
insert into stats_region_times
select 'day', day, grouping(administration_id, category_id), region, administration_id, category_id,
       stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
       sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met), sum(answered),
       sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks), sum(reroutes), sum(delivered),
       sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
from stats_daily_region
group by day, region, grouping sets ((administration_id), (category_id), ())
        $sql$;
        execute $sql$
insert into stats_region_times
select 'month', day, grouping(administration_id, category_id), region, administration_id, category_id,
       stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
       sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met), sum(answered),
       sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks), sum(reroutes), sum(delivered),
       sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
from stats_monthly_region
group by day, region, grouping sets ((administration_id), (category_id), ())
        $sql$;
        execute $sql$
insert into stats_region_times
select u.unit, date_trunc(u.unit, m.day)::date, m.scope, m.region, m.administration_id, m.category_id,
       stats_hist_merge(m.acknowledgement_hist), stats_hist_merge(m.answer_hist),
       sum(m.received), sum(m.acknowledged), sum(m.acknowledgements_judged), sum(m.acknowledgements_met),
       sum(m.answered), sum(m.answers_judged), sum(m.answers_met), sum(m.answered_reopened), sum(m.handbacks),
       sum(m.reroutes), sum(m.delivered), sum(m.ratings), sum(m.rating_sum), sum(m.rated_4_or_5), sum(m.satisfied)
from stats_region_times m
cross join (values ('quarter', interval '3 months'), ('year', interval '1 year')) u(unit, length)
join stats_rollup_state s on s.id = 1
where m.unit = 'month' and date_trunc(u.unit, m.day) + u.length <= s.rolled_until
group by u.unit, date_trunc(u.unit, m.day), m.scope, m.region, m.administration_id, m.category_id
        $sql$;
    end if;
end;
$$;
