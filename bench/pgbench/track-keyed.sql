-- Captured by bench/capture-statements.sh on 2026-11-30T05:27Z from commit 2f3c52e (database milie_capture, after
-- 20 warm-up calls: the steady state, caches filled, statements prepared). Regenerate it by
-- running the capture again; do not edit it by hand. Raw extract: bench/pgbench/track-keyed.log.sql.
--
-- The app's statements in their order, each parameter written as a literal in place of $n, except
-- the values below, replaced so that the script runs many times. Left out: the live feed's
-- poll (feed_horizon()), which the app's own listener runs after the commit, once per batch of events,
-- not on the request's path.
--
-- GET /api/v1/tracking/{code} with X-Access-Key (the key is checked in the JVM: no statement).
-- Variables (pgbench -D): pairs = the rows of bench_floor_pairs (i, tracking_code, request_id),
-- made by bench/run.sh from the keyed pairs of bench/lua/track-keyed.lua: each transaction reads
-- the request of row i, drawn at random, through a subquery on that table's primary key (no extra
-- round trip).
\set i random(1, :pairs)
select r.id, r.tracking_code, r.access_key_hash, r.type, r.status, r.submitted_at, r.updated_at,
       r.due_at, c.id, c.code, c.label_fr, c.label_en, a.name,
       e.id, e.type, e.occurred_at, e.from_status, e.to_status, t.message, e.actor_role
from citizen_request r
join category c on c.id = r.category_id
left join administration a on a.id = r.administration_id
left join request_event e on e.request_id = r.id and e.visibility = 'PUBLIC'
left join request_event_text t on t.event_id = e.id
where r.tracking_code = (select tracking_code from bench_floor_pairs where i = :i)
order by e.seq;
select cr1_0.id,cr1_0.access_key_hash,cr1_0.acknowledged_at,cr1_0.acknowledgement_met,cr1_0.acknowledgement_working_seconds,cr1_0.administration_id,cr1_0.anonymous,cr1_0.answer_met,cr1_0.answer_working_seconds,cr1_0.answered_at,cr1_0.category_id,cr1_0.channel,cr1_0.citizen_id,cr1_0.closed_at,cr1_0.contact_email,cr1_0.contact_name,cr1_0.contact_phone,cr1_0.preferred_language,cr1_0.description,cr1_0.due_at,cr1_0.duplicate_of,cr1_0.entered_by_staff_id,cr1_0.escalated_due_at,cr1_0.latitude,cr1_0.locality,cr1_0.longitude,cr1_0.region,cr1_0.overdue_due_at,cr1_0.paused_remaining_seconds,cr1_0.personal_data_erased_at,cr1_0.qualified,cr1_0.rejection_reason,cr1_0.reminded_due_at,cr1_0.reopen_count,cr1_0.resume_status,cr1_0.status,cr1_0.status_changed_at,cr1_0.subject,cr1_0.submitted_at,cr1_0.suggested_administration_id,cr1_0.tracking_code,cr1_0.triage_met,cr1_0.type,cr1_0.updated_at,cr1_0.version from citizen_request cr1_0 where cr1_0.id=(select request_id from bench_floor_pairs where i = :i);
select a1_0.id,a1_0.text,a1_0.submitted_at,a1_0.delivered_at from answer a1_0 where a1_0.request_id=(select request_id from bench_floor_pairs where i = :i) and a1_0.status='DELIVERED' order by a1_0.delivered_at;
