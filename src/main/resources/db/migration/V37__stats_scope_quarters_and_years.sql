-- The roll-up's rows per group (stats_scope_times) for complete quarters and years too, merged from
-- their months: a rolling year then reads, per group, the days of its first and last months, a few
-- months and quarters, instead of eleven months (the bytes of its histograms, most of the time of a
-- rolling year's open data at 5M requests, halve). Kept by stats_rollup_periods (R__stats_functions)
-- with the percentiles of the same periods.
alter table stats_scope_times drop constraint stats_scope_times_unit_check;
alter table stats_scope_times alter column unit type varchar(7);
alter table stats_scope_times add constraint stats_scope_times_unit_check
    check (unit in ('day', 'month', 'quarter', 'year'));

-- The complete quarters and years already rolled up (ended by rolled_until, as stats_rollup_periods
-- builds them), from their months. Run only where a roll-up exists: stats_hist_merge is defined by
-- R__stats_functions, which Flyway applies after the versioned migrations of a new database.
do $$
begin
    if exists (select 1 from stats_rollup_state where rolled_until is not null) then
        execute $sql$
insert into stats_scope_times
select u.unit, date_trunc(u.unit, m.day)::date, m.scope, m.administration_id, m.category_id,
       stats_hist_merge(m.acknowledgement_hist), stats_hist_merge(m.answer_hist),
       sum(m.received), sum(m.acknowledged), sum(m.acknowledgements_judged), sum(m.acknowledgements_met),
       sum(m.answered), sum(m.answers_judged), sum(m.answers_met), sum(m.answered_reopened), sum(m.handbacks),
       sum(m.reroutes), sum(m.delivered), sum(m.ratings), sum(m.rating_sum), sum(m.rated_4_or_5), sum(m.satisfied)
from stats_scope_times m
cross join (values ('quarter', interval '3 months'), ('year', interval '1 year')) u(unit, length)
join stats_rollup_state s on s.id = 1
where m.unit = 'month' and date_trunc(u.unit, m.day) + u.length <= s.rolled_until
group by u.unit, date_trunc(u.unit, m.day), m.scope, m.administration_id, m.category_id
        $sql$;
    end if;
end;
$$;
