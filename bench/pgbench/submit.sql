-- Captured by bench/capture-statements.sh on 2026-11-30T05:27Z from commit 2f3c52e (database milie_capture, after
-- 20 warm-up calls: the steady state, caches filled, statements prepared). Regenerate it by
-- running the capture again; do not edit it by hand. Raw extract: bench/pgbench/submit.log.sql.
--
-- The app's statements in their order, each parameter written as a literal in place of $n, except
-- the values below, replaced so that the script runs many times. Left out: the live feed's
-- poll (feed_horizon()), which the app's own listener runs after the commit, once per batch of events,
-- not on the request's path.
--
-- POST /api/v1/requests with an Idempotency-Key (bench/lua/submit.lua's body). Variables (pgbench -D):
--   run          unique per run (e.g. date +%s%N): in the idempotency key and the fresh ids
--   txn=0        this client's transaction counter
--   codebase     tracking codes MIL-U<8 hex> start past this number
--   category_id  the id of the category BENCH-HTTP in the bench database
-- Fresh per transaction: the request, event and message ids (md5 of run and seq as a uuid), the
-- tracking code, the idempotency key and the rate-limit keys (each call a new client address and
-- contact, as in bench/lua/submit.lua). Kept as captured: timestamps, texts, hashes.
\set txn :txn + 1
\set seq :txn * 64 + :client_id
\set code :codebase + :seq
BEGIN;
select pg_advisory_xact_lock(hashtextextended(('floor-' || :run::text || '-' || :seq::text), 0));
select ir1_0.idempotency_key,ir1_0.created_at,ir1_0.request_hash,ir1_0.request_id,ir1_0.response_body from idempotency_record ir1_0 where ir1_0.idempotency_key=('floor-' || :run::text || '-' || :seq::text);
insert into rate_limit (key, hits, expires_at) values (E'submission.per-address\x3a' || encode(sha256((:run::text || '-' || :seq::text || '-submission.per-address')::bytea), 'hex'), 1, E'2026-11-30 06\x3a27\x3a09.731998+00')
on conflict (key) do update set
    hits = case when rate_limit.expires_at <= E'2026-11-30 05\x3a27\x3a09.731998+00' then 1 else rate_limit.hits + 1 end,
    expires_at = case when rate_limit.expires_at <= E'2026-11-30 05\x3a27\x3a09.731998+00' then excluded.expires_at else rate_limit.expires_at end
where rate_limit.expires_at <= E'2026-11-30 05\x3a27\x3a09.731998+00' or rate_limit.hits < '30'
returning hits;
insert into rate_limit (key, hits, expires_at) values (E'submission.per-contact\x3a' || encode(sha256((:run::text || '-' || :seq::text || '-submission.per-contact')::bytea), 'hex'), 1, E'2026-11-30 06\x3a27\x3a09.732888+00')
on conflict (key) do update set
    hits = case when rate_limit.expires_at <= E'2026-11-30 05\x3a27\x3a09.732888+00' then 1 else rate_limit.hits + 1 end,
    expires_at = case when rate_limit.expires_at <= E'2026-11-30 05\x3a27\x3a09.732888+00' then excluded.expires_at else rate_limit.expires_at end
where rate_limit.expires_at <= E'2026-11-30 05\x3a27\x3a09.732888+00' or rate_limit.hits < '5'
returning hits;
select exists (select 1 from citizen_request where tracking_code = ('MIL-U' || lpad(to_hex(:code::int8), 8, '0')));
insert into citizen_request (access_key_hash,acknowledged_at,acknowledgement_met,acknowledgement_working_seconds,administration_id,anonymous,answer_met,answer_working_seconds,answered_at,category_id,channel,citizen_id,closed_at,contact_email,contact_name,contact_phone,preferred_language,description,due_at,duplicate_of,entered_by_staff_id,escalated_due_at,latitude,locality,longitude,region,overdue_due_at,paused_remaining_seconds,qualified,rejection_reason,reminded_due_at,reopen_count,resume_status,status,status_changed_at,subject,submitted_at,suggested_administration_id,tracking_code,triage_met,type,updated_at,version,id) values ('5372621db000c4b586c135fc37567f253322b23f8f95dd3e1bfea2d9b96ec696',NULL,NULL,NULL,NULL,'f',NULL,NULL,NULL,:category_id,'MOBILE',NULL,NULL,'awa.1796016425.0@example.ci','Awa Traoré',NULL,'fr','Depuis trois jours le quartier est sans courant et personne ne répond au numéro d''urgence (capture-1796016425-0).',E'2026-12-01 05\x3a27\x3a09.733671+00',NULL,NULL,NULL,'5.336','Yopougon','-4.087','ABIDJAN',NULL,NULL,'f',NULL,NULL,'0',NULL,'RECEIVED',E'2026-11-30 05\x3a27\x3a09.733671+00','Coupure d''électricité à Yopougon n°0',E'2026-11-30 05\x3a27\x3a09.733671+00',NULL,('MIL-U' || lpad(to_hex(:code::int8), 8, '0')),NULL,'COMPLAINT',E'2026-11-30 05\x3a27\x3a09.733671+00','0',md5(:run::text || '-' || :seq::text || '-1')::uuid);
insert into request_event (actor_id,actor_role,data,from_status,occurred_at,request_id,to_status,type,visibility,id) values (NULL,'anonymous',E'{"type"\x3a "COMPLAINT", "channel"\x3a "MOBILE", "anonymous"\x3a false, "categoryId"\x3a "e427d6a6-5ad6-4ef5-9b15-298524043aad"}',NULL,E'2026-11-30 05\x3a27\x3a09.733671+00',md5(:run::text || '-' || :seq::text || '-1')::uuid,'RECEIVED','SUBMITTED','PUBLIC',md5(:run::text || '-' || :seq::text || '-2')::uuid);
insert into outbox_message (attempts,body,channel,created_at,device_id,html_body,interrupted_sends,kind,last_error,next_attempt_at,recipient,request_id,sent_at,status,subject,id) values ('0',E'Bonjour,

Merci d''avoir pris le temps de nous écrire. Votre demande « Coupure d''électricité à Yopougon n°0 » a bien été enregistrée.

Votre code de suivi \x3a MIL-X13P-RWT6
Conservez-le \x3a il vous sera demandé si vous appelez le centre d''appels.

L''Observatoire du service public (OSEP) va l''examiner, puis la transmettre à l''administration concernée. Vous serez prévenu(e) à chaque étape importante.

Suivez son avancement, répondez aux éventuelles questions et lisez la réponse sur cette page \x3a
http\x3a//localhost\x3a8080/suivi/MIL-X13P-RWT6#cle=cs0Lk2mZ2jshSp7MIWY20w

Ce lien vous est personnel \x3a ne le partagez pas.

Cordialement,
L''équipe Miliê
Observatoire du service public (OSEP), Côte d''Ivoire

Ce message est envoyé automatiquement, merci de ne pas y répondre.','EMAIL',E'2026-11-30 05\x3a27\x3a09.744217+00',NULL,E'<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Votre demande MIL-X13P-RWT6 a bien été reçue</title>
</head>
<body style="margin\x3a0;padding\x3a0;background-color\x3a#f4f5f7;">
<div style="max-width\x3a600px;margin\x3a0 auto;padding\x3a24px;background-color\x3a#ffffff;font-family\x3aArial,Helvetica,sans-serif;font-size\x3a15px;line-height\x3a1.5;color\x3a#1f2933;">
<p style="margin\x3a0 0 20px;font-size\x3a22px;font-weight\x3abold;color\x3a#f77f00;">Miliê</p>
<p style="margin\x3a0 0 14px;">Bonjour,</p>
<p style="margin\x3a0 0 14px;">Merci d&#39;avoir pris le temps de nous écrire. Votre demande « Coupure d&#39;électricité à Yopougon n°0 » a bien été enregistrée.</p>
<p style="margin\x3a0 0 14px;">Votre code de suivi \x3a MIL-X13P-RWT6<br>Conservez-le \x3a il vous sera demandé si vous appelez le centre d&#39;appels.</p>
<p style="margin\x3a0 0 14px;">L&#39;Observatoire du service public (OSEP) va l&#39;examiner, puis la transmettre à l&#39;administration concernée. Vous serez prévenu(e) à chaque étape importante.</p>
<p style="margin\x3a0 0 14px;">Suivez son avancement, répondez aux éventuelles questions et lisez la réponse sur cette page \x3a<br><a href="http\x3a//localhost\x3a8080/suivi/MIL-X13P-RWT6#cle=cs0Lk2mZ2jshSp7MIWY20w" style="color\x3a#009e60;">http\x3a//localhost\x3a8080/suivi/MIL-X13P-RWT6#cle=cs0Lk2mZ2jshSp7MIWY20w</a></p>
<p style="margin\x3a0 0 14px;">Ce lien vous est personnel \x3a ne le partagez pas.</p>
<p style="margin\x3a0 0 14px;">Cordialement,<br>L&#39;équipe Miliê<br>Observatoire du service public (OSEP), Côte d&#39;Ivoire</p>
<p style="margin\x3a0 0 14px;">Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
</div>
</body>
</html>
','0','RECEIPT',NULL,E'2026-11-30 05\x3a27\x3a09.744217+00','awa.1796016425.0@example.ci',md5(:run::text || '-' || :seq::text || '-1')::uuid,NULL,'PENDING','Votre demande MIL-X13P-RWT6 a bien été reçue',md5(:run::text || '-' || :seq::text || '-3')::uuid);
insert into idempotency_record (created_at,request_hash,request_id,response_body,idempotency_key) values (E'2026-11-30 05\x3a27\x3a09.729273+00','6376501e401b4ce503cdf7c5efe8be6558ed42a563566539787eec64700d28e8',md5(:run::text || '-' || :seq::text || '-1')::uuid,E'{"id"\x3a"dec746fc-22f1-49da-9811-aff8067a29ed","trackingCode"\x3a"MIL-X13P-RWT6","accessKey"\x3a"v1.Q8xxn4zqvjHqBU85ax-hy0j3jyaR-lkSEvXZUDRR31sl5juwdaMGqf_9ubjpB96afgM","status"\x3a"RECEIVED","type"\x3a"COMPLAINT","categoryCode"\x3a"BENCH-HTTP","channel"\x3a"MOBILE","submittedAt"\x3a"2026-11-30T05\x3a27\x3a09.733670707Z","dueAt"\x3a"2026-12-01T05\x3a27\x3a09.733670707Z","trackingUrl"\x3anull}',('floor-' || :run::text || '-' || :seq::text));
COMMIT;
select pg_notify('milie_request_events', '');
