-- Statistics read the working time each request took to be acknowledged and answered. The
-- application records it when the stage ends (sla/WorkingTime, with the calendar of that day);
-- reading it back is a column, not a calendar walk per row.

alter table citizen_request
    add column if not exists acknowledgement_working_seconds bigint,
    add column if not exists answer_working_seconds          bigint;

-- The same rule as sla/WorkingTime, in SQL, for rows written before this migration and for the
-- benchmark's data generator: all 24 hours of each Monday to Friday that is not in public_holiday
-- count, in Abidjan time (UTC, no daylight saving). Closed form: the days strictly between the two
-- ends count whole, the two ends count for their part.
create function working_seconds_between(from_at timestamptz, to_at timestamptz) returns bigint
    language sql stable parallel safe as $$
    with ends as (
        select (from_at at time zone 'UTC') as a, (to_at at time zone 'UTC') as b,
               (from_at at time zone 'UTC')::date as da, (to_at at time zone 'UTC')::date as db
    ), working as (
        select e.*,
               extract(isodow from e.da) < 6
                   and not exists (select 1 from public_holiday h where h.holiday_date = e.da) as a_works,
               extract(isodow from e.db) < 6
                   and not exists (select 1 from public_holiday h where h.holiday_date = e.db) as b_works,
               -- Monday-to-Friday days in [da + 1, db - 1]: whole weeks, then the few days left
               greatest(e.db - e.da - 1, 0) / 7 * 5
                   + (select count(*) from generate_series(0, greatest(e.db - e.da - 1, 0) % 7 - 1) k
                      where extract(isodow from e.da + 1 + k) < 6) as weekdays_between
        from ends e
    )
    select case
        when w.b <= w.a then 0
        when w.da = w.db then case when w.a_works then extract(epoch from w.b - w.a) else 0 end
        else (case when w.a_works then extract(epoch from (w.da + 1)::timestamp - w.a) else 0 end)
           + (case when w.b_works then extract(epoch from w.b - w.db::timestamp) else 0 end)
           + 86400 * (w.weekdays_between
                      - (select count(*) from public_holiday h
                         where h.holiday_date > w.da and h.holiday_date < w.db
                           and extract(isodow from h.holiday_date) < 6))
        end::bigint
    from working w
$$;

update citizen_request
set acknowledgement_working_seconds = working_seconds_between(submitted_at, acknowledged_at)
where acknowledged_at is not null and acknowledgement_working_seconds is null;

update citizen_request
set answer_working_seconds = working_seconds_between(submitted_at, answered_at)
where answered_at is not null and answer_working_seconds is null;
