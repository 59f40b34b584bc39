-- The roll-up's rows per group (stats_scope_times) gain the total of every request (scope 3, the
-- grouping set ()), for each rolled-up day, month, quarter and year: a time series without a type,
-- channel or region filter then reads one row a day (a year by week at 5M requests: 365 rows instead
-- of 500,000). Kept by stats_rollup_days and stats_rollup_periods (R__stats_functions); built here for
-- the rolled-up archive, where there is one (stats_hist_merge is defined by R__stats_functions, which
-- Flyway applies after the versioned migrations of a new database).
do $$
begin
    if exists (select 1 from stats_rollup_state where rolled_until is not null) then
        execute $sql$
insert into stats_scope_times
select 'day', day, 3, null::uuid, null::uuid, stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
       sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met), sum(answered),
       sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks), sum(reroutes), sum(delivered),
       sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
from stats_daily group by day
union all
select unit, day, 3, null::uuid, null::uuid, stats_hist_merge(acknowledgement_hist), stats_hist_merge(answer_hist),
       sum(received), sum(acknowledged), sum(acknowledgements_judged), sum(acknowledgements_met), sum(answered),
       sum(answers_judged), sum(answers_met), sum(answered_reopened), sum(handbacks), sum(reroutes), sum(delivered),
       sum(ratings), sum(rating_sum), sum(rated_4_or_5), sum(satisfied)
from stats_scope_times where scope = 1 and unit in ('month', 'quarter', 'year') group by unit, day
        $sql$;
    end if;
end;
$$;
