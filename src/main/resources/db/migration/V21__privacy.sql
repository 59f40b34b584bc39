-- Privacy rights (law 2013-450): what erasure and export need from the schema.
--
-- 1. Events hold no personal data. A request's events are immutable (the trigger refuses updates
--    and deletes), but their message is free text: a citizen's reply or dispute, a staff note that
--    may name the citizen, a file name. The message moves to request_event_text, one row per event
--    that has one, which erasure and retention may rewrite. The immutable row keeps only ids, codes,
--    statuses and times (request_event.data holds ids and codes, never free text). The statistics
--    never read the message, so moving it changes no figure.
create table request_event_text (
    event_id uuid primary key references request_event (id),
    message  text not null
);
insert into request_event_text (event_id, message)
select id, message from request_event where message is not null;
-- Dropping a column fires no row trigger: the rows stay as they were, less the text.
alter table request_event drop column message;

-- The backfill of V16 read the message of ROUTED events; it now reads it from request_event_text.
create or replace function request_event_backfill_data() returns bigint language plpgsql as $$
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
    from (select e.id, e.request_id, e.seq, e.type, t.message, e.data,
                 count(*) filter (where e.type = 'ROUTED') over w as stay,
                 lead(e.seq) over w as next_seq,
                 bool_or(e.data is null) over (partition by e.request_id) as incomplete
          from request_event e
          left join request_event_text t on t.event_id = e.id
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

-- 2. A one-time code has a purpose: a sign-in code cannot confirm an export or an erasure, nor the
--    other way round.
alter table otp_challenge add column purpose varchar(10) not null default 'SIGN_IN'
    check (purpose in ('SIGN_IN', 'PRIVACY'));

-- 3. The audit of privacy acts: every export, erasure and identity check, by whom and through which
--    door, and what the retention job anonymised. It holds no personal data itself: the citizen's
--    account id (gone once the account is erased) and the ids of the requests concerned, which stay
--    in the statistics without their personal data. The staff member who acted is named by id.
create table privacy_act (
    id             uuid primary key,
    act            varchar(20) not null check (act in ('EXPORT', 'ERASURE', 'CODE_SENT', 'RETENTION')),
    requested_via  varchar(20) not null check (requested_via in ('ACCOUNT', 'ACCESS_KEY', 'OSEP', 'RETENTION')),
    staff_id       uuid,
    -- How OSEP checked the caller's identity (docs/PRIVACY.md); null for the other doors.
    identity_check varchar(30),
    citizen_id     uuid,
    request_ids    uuid[]      not null default '{}',
    occurred_at    timestamptz not null,
    constraint privacy_act_osep_is_staff check ((requested_via = 'OSEP') = (staff_id is not null)),
    constraint privacy_act_osep_checks_identity check ((requested_via = 'OSEP') = (identity_check is not null))
);
create index privacy_act_occurred_idx on privacy_act (occurred_at desc, id desc);
create index privacy_act_staff_idx on privacy_act (staff_id, occurred_at desc) where staff_id is not null;
