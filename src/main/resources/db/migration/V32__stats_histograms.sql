-- Percentiles of any period from mergeable histograms (docs/STATISTICS.md, "Medians and 90th
-- percentiles"). Every roll-up row gets, next to its working times, their histogram: a bigint[] of
-- (bucket << 32 | count), sorted by bucket, one entry per non-empty bucket (stats_time_bucket,
-- R__stats_functions). A period sums the counts of its days and months per bucket and reads its
-- percentiles from the merged counts, instead of ranking every working time.
--
-- The roll-up is rebuilt from the requests on the next run (StatsRollup), histograms included;
-- readers compute from the requests meanwhile, as after V16 and V24.

alter table stats_daily add column acknowledgement_hist bigint[], add column answer_hist bigint[];
alter table stats_daily_region add column acknowledgement_hist bigint[], add column answer_hist bigint[];
alter table stats_monthly add column acknowledgement_hist bigint[], add column answer_hist bigint[];
alter table stats_monthly_region add column acknowledgement_hist bigint[], add column answer_hist bigint[];

truncate stats_daily, stats_daily_region, stats_monthly, stats_monthly_region, stats_period_times;
update stats_rollup_state set rolled_until = null, checked_at = null;

-- The same histograms summed per administration (scope 1), per category (scope 2) and per pair of
-- both (scope 0), for every rolled-up day and complete month: an unfiltered period reads a few
-- hundred of these rows instead of every roll-up row of the period (a roll-up row holds a few
-- working times, so its histogram has about as many entries as it has values).
create table stats_scope_times (
    unit                 varchar(5) not null check (unit in ('day', 'month')),
    day                  date       not null,
    scope                smallint   not null,
    administration_id    uuid,
    category_id          uuid,
    acknowledgement_hist bigint[],
    answer_hist          bigint[]
);
create index stats_scope_times_idx on stats_scope_times (unit, scope, day);
