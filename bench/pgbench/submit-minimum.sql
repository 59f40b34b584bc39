-- The durable minimum of a submission, written by hand: the three rows a submission must leave in
-- one committed transaction (the request, its SUBMITTED event, its receipt in the outbox) and
-- nothing else: no idempotency lock or record, no abuse limits, no reference reads, no existence
-- check of the tracking code, no notification. The rows carry what the app's carry (the same
-- indexed columns, texts of the same lengths, a receipt of ~760 + ~1,700 characters), so that every
-- index of these tables is maintained as for a real submission. Measured by bench/run.sh:
--   pgbench -n -M prepared -c 32 -j 2 -T … -D run=… -D txn=0 -D codebase=… -D category_id=… -f …
-- Variables as in bench/pgbench/submit.sql (same tracking codes MIL-U…, ids from md5 of run and seq).
\set txn :txn + 1
\set seq :txn * 64 + :client_id
\set code :codebase + :seq
BEGIN;
insert into citizen_request (id, tracking_code, access_key_hash, type, category_id, channel, subject, description,
        region, locality, latitude, longitude, contact_name, contact_email, preferred_language, anonymous,
        status, qualified, submitted_at, updated_at, status_changed_at, due_at, reopen_count, version)
values (md5(:run::text || '-' || :seq::text || '-1')::uuid, 'MIL-U' || lpad(to_hex(:code::int8), 8, '0'),
        encode(sha256((:run::text || '-' || :seq::text || '-key')::bytea), 'hex'), 'COMPLAINT', :category_id, 'MOBILE',
        'Coupure d''électricité à Yopougon n°' || :seq::text,
        'Depuis trois jours le quartier est sans courant et personne ne répond au numéro d''urgence (floor-' || :run::text || '-' || :seq::text || ').',
        'ABIDJAN', 'Yopougon', 5.336, -4.087, 'Awa Traoré', 'awa.' || :seq::text || '@example.ci', 'fr', false,
        'RECEIVED', false, now(), now(), now(), now() + interval '1 day', 0, 0);
insert into request_event (id, request_id, occurred_at, type, actor_role, visibility, from_status, to_status, data)
values (md5(:run::text || '-' || :seq::text || '-2')::uuid, md5(:run::text || '-' || :seq::text || '-1')::uuid, now(),
        'SUBMITTED', 'anonymous', 'PUBLIC', NULL, 'RECEIVED',
        '{"type": "COMPLAINT", "channel": "MOBILE", "anonymous": false}');
insert into outbox_message (id, channel, recipient, subject, body, html_body, kind, request_id, status, attempts,
        next_attempt_at, created_at)
values (md5(:run::text || '-' || :seq::text || '-3')::uuid, 'EMAIL', 'awa.' || :seq::text || '@example.ci',
        'Votre demande a bien été reçue', repeat('Votre demande a bien été enregistrée. ', 20),
        repeat('<p style="margin-bottom 14px">Votre demande a bien été enregistrée.</p>', 24), 'RECEIPT',
        md5(:run::text || '-' || :seq::text || '-1')::uuid, 'PENDING', 0, now(), now());
COMMIT;
