-- Statistics credit handbacks and re-routings to an administration by its id, read from
-- request_event.data, and no longer by matching an administration's name with the message of the
-- request's last ROUTED event. That match changed figures when an administration was renamed, and
-- counted a move twice when two administrations shared a name. Since this version, the application
-- writes the data of these events:
--   ROUTED       {"administrationId": <where the request was routed>}
--   HANDED_BACK  {"administrationId": <the administration that handed it back>}
--   REROUTED     {"fromAdministrationId": <where it was>, "toAdministrationId": <where it goes>}
-- This migration
--   1. fills in the data of the events of these three types that were written before (data is null),
--      with request_event_backfill_data() below;
--   2. empties the statistics roll-up, so that it is rebuilt with the new attribution (see the end).
-- The statistics' SQL functions that read the data (stats_measures and the rest) are defined once,
-- in R__stats_functions.sql, which Flyway applies after the versioned migrations.
--
-- How it updates immutable rows. The trigger request_event_immutable refuses every update.
-- request_event_backfill_data() first works out the administration of every stay (below) into
-- temporary tables. Then it disables the trigger, updates, and enables the trigger again, within
-- the calling transaction (Flyway runs this file in one transaction). ALTER TABLE is transactional
-- in PostgreSQL: no other session ever sees the table without its trigger, and a failure rolls
-- everything back with the trigger on. From the ALTER TABLE to the commit, the transaction holds a
-- SHARE ROW EXCLUSIVE lock on request_event: reads go on, and writes of events wait.
-- docs/PERFORMANCE.md gives the time on 1 million requests. An event that an instance of an older
-- version writes during or after this migration keeps null data. Once every instance runs this
-- version, `select request_event_backfill_data()` fills those events too. The function stays in
-- the schema. It only fills data that is null, so running it again is harmless
-- (EventDataBackfillTest does). Only the owner of request_event can run it, because of the ALTER
-- TABLE.
--
-- The rule for old rows. A request's ROUTED event opens its stay at an administration. The stay
-- ends with the request's next HANDED_BACK or REROUTED event, if there is one. A re-routing's own
-- ROUTED event opens the next stay. The administration of a stay is the first of these that is known:
--   a. the id that its ROUTED event already records (data written by the application);
--   b. the request's current administration, if the stay has not ended (the request is still there);
--   c. the one administration whose name today is the ROUTED event's message (the name at the time
--      of routing), if exactly one administration has that name;
--   d. if two administrations share that name, or none has it because of a renaming: the
--      administration (today) of the first agent who acted on the request during the stay, for
--      example by acknowledging, adding a note, answering or handing it back. Agents act only on
--      their own administration's requests;
--   e. otherwise none.
-- A ROUTED or HANDED_BACK event gets {"administrationId": <its stay's administration>}. A REROUTED
-- event gets {"fromAdministrationId": <the stay it ends>, "toAdministrationId": <the stay it opens>}.
-- An id that the rule leaves unknown is absent, so an unattributed handback gets {}. The statistics
-- count such a move for no administration. Before, a move was counted for every administration with
-- the ambiguous name, and for none after a renaming. EventDataBackfillTest checks each case.

create function request_event_backfill_data() returns bigint language plpgsql as $$
declare
    filled bigint;
begin
    -- A million events are sorted and hashed in memory, for this transaction only.
    perform set_config('work_mem', '256MB', true);
    -- The moves of the requests that have an event to fill, in order. stay is the number of ROUTED
    -- events up to this one: a ROUTED event opens stay n, and the HANDED_BACK or REROUTED event
    -- after it ends stay n. next_seq is the next move, which ends the stay of a ROUTED event.
    create temporary table backfill_move on commit drop as
    select id, request_id, seq, type, message, data, stay, next_seq
    from (select e.id, e.request_id, e.seq, e.type, e.message, e.data,
                 count(*) filter (where e.type = 'ROUTED') over w as stay,
                 lead(e.seq) over w as next_seq,
                 bool_or(e.data is null) over (partition by e.request_id) as incomplete
          from request_event e
          where e.type in ('ROUTED', 'HANDED_BACK', 'REROUTED')
          window w as (partition by e.request_id order by e.seq)) moves
    where incomplete;
    -- Real row counts, so that the joins below read whole tables rather than a million index probes.
    analyze backfill_move;
    create temporary table backfill_stay on commit drop as
    select m.request_id, m.stay,
           -- coalesce evaluates each argument only if the ones before it are null
           coalesce((m.data ->> 'administrationId')::uuid,
                    case when m.next_seq is null then r.administration_id end,
                    n.id,
                    (select s.administration_id
                     from request_event x
                     join staff_account s on s.id = x.actor_id
                     where x.request_id = m.request_id and x.seq > m.seq and x.seq <= m.next_seq
                       and x.actor_role = 'agent'
                     order by x.seq
                     limit 1)) as administration_id
    from backfill_move m
    join citizen_request r on r.id = m.request_id
    left join (select a.name, (array_agg(a.id))[1] as id
               from administration a group by a.name having count(*) = 1) n on n.name = m.message
    where m.type = 'ROUTED';
    analyze backfill_stay;

    alter table request_event disable trigger request_event_immutable;
    update request_event e
    set data = case m.type
                   when 'REROUTED' then jsonb_strip_nulls(jsonb_build_object(
                       'fromAdministrationId', cur.administration_id, 'toAdministrationId', nxt.administration_id))
                   else jsonb_strip_nulls(jsonb_build_object('administrationId', cur.administration_id)) end
    from backfill_move m
    left join backfill_stay cur on cur.request_id = m.request_id and cur.stay = m.stay
    left join backfill_stay nxt on nxt.request_id = m.request_id and nxt.stay = m.stay + 1
    where e.id = m.id and m.data is null;
    get diagnostics filled = row_count;
    alter table request_event enable trigger request_event_immutable;
    drop table backfill_move, backfill_stay;
    return filled;
end;
$$;

select request_event_backfill_data();

-- The roll-up is rebuilt with the new attribution. This migration empties it and marks it as
-- never built (rolled_until null). The next run of StatsRollup then builds it from the requests, as
-- on a new database, one month of days per transaction, oldest first. Until a day is rolled up
-- again, readers compute its figures from the requests: the figures are correct, but slower on a
-- large archive. docs/PERFORMANCE.md gives the rebuild time.
truncate stats_daily, stats_daily_region, stats_monthly, stats_monthly_region, stats_period_times;
update stats_rollup_state set rolled_until = null, checked_at = null;
