2026-11-30 05:27:09.728 UTC [11354] milie@milie_capture LOG:  statement: BEGIN
2026-11-30 05:27:09.729 UTC [11354] milie@milie_capture LOG:  execute S_4: select pg_advisory_xact_lock(hashtextextended($1, 0))
2026-11-30 05:27:09.729 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = 'capture-1796016425-0'
2026-11-30 05:27:09.731 UTC [11354] milie@milie_capture LOG:  execute S_5: select ir1_0.idempotency_key,ir1_0.created_at,ir1_0.request_hash,ir1_0.request_id,ir1_0.response_body from idempotency_record ir1_0 where ir1_0.idempotency_key=$1
2026-11-30 05:27:09.731 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = 'capture-1796016425-0'
2026-11-30 05:27:09.732 UTC [11354] milie@milie_capture LOG:  execute S_3: insert into rate_limit (key, hits, expires_at) values ($1, 1, $2)
	on conflict (key) do update set
	    hits = case when rate_limit.expires_at <= $3 then 1 else rate_limit.hits + 1 end,
	    expires_at = case when rate_limit.expires_at <= $4 then excluded.expires_at else rate_limit.expires_at end
	where rate_limit.expires_at <= $5 or rate_limit.hits < $6
	returning hits
2026-11-30 05:27:09.732 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = 'submission.per-address:e7c2033c4b4719badabdd1b208ec2d64346be60bcccb8de08af26f7c2322c9d4', $2 = '2026-11-30 06:27:09.731998+00', $3 = '2026-11-30 05:27:09.731998+00', $4 = '2026-11-30 05:27:09.731998+00', $5 = '2026-11-30 05:27:09.731998+00', $6 = '30'
2026-11-30 05:27:09.733 UTC [11354] milie@milie_capture LOG:  execute S_3: insert into rate_limit (key, hits, expires_at) values ($1, 1, $2)
	on conflict (key) do update set
	    hits = case when rate_limit.expires_at <= $3 then 1 else rate_limit.hits + 1 end,
	    expires_at = case when rate_limit.expires_at <= $4 then excluded.expires_at else rate_limit.expires_at end
	where rate_limit.expires_at <= $5 or rate_limit.hits < $6
	returning hits
2026-11-30 05:27:09.733 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = 'submission.per-contact:63932e5334d36812afa905d144a302a0675b0613ceb9c2a2a2dfa68a5760f9c8', $2 = '2026-11-30 06:27:09.732888+00', $3 = '2026-11-30 05:27:09.732888+00', $4 = '2026-11-30 05:27:09.732888+00', $5 = '2026-11-30 05:27:09.732888+00', $6 = '5'
2026-11-30 05:27:09.733 UTC [11354] milie@milie_capture LOG:  execute S_6: select exists (select 1 from citizen_request where tracking_code = $1)
2026-11-30 05:27:09.733 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = 'MIL-X13P-RWT6'
2026-11-30 05:27:09.739 UTC [11354] milie@milie_capture LOG:  execute S_7: insert into citizen_request (access_key_hash,acknowledged_at,acknowledgement_met,acknowledgement_working_seconds,administration_id,anonymous,answer_met,answer_working_seconds,answered_at,category_id,channel,citizen_id,closed_at,contact_email,contact_name,contact_phone,preferred_language,description,due_at,duplicate_of,entered_by_staff_id,escalated_due_at,latitude,locality,longitude,region,overdue_due_at,paused_remaining_seconds,qualified,rejection_reason,reminded_due_at,reopen_count,resume_status,status,status_changed_at,subject,submitted_at,suggested_administration_id,tracking_code,triage_met,type,updated_at,version,id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36,$37,$38,$39,$40,$41,$42,$43,$44)
2026-11-30 05:27:09.739 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = '5372621db000c4b586c135fc37567f253322b23f8f95dd3e1bfea2d9b96ec696', $2 = NULL, $3 = NULL, $4 = NULL, $5 = NULL, $6 = 'f', $7 = NULL, $8 = NULL, $9 = NULL, $10 = 'e427d6a6-5ad6-4ef5-9b15-298524043aad', $11 = 'MOBILE', $12 = NULL, $13 = NULL, $14 = 'awa.1796016425.0@example.ci', $15 = 'Awa Traoré', $16 = NULL, $17 = 'fr', $18 = 'Depuis trois jours le quartier est sans courant et personne ne répond au numéro d''urgence (capture-1796016425-0).', $19 = '2026-12-01 05:27:09.733671+00', $20 = NULL, $21 = NULL, $22 = NULL, $23 = '5.336', $24 = 'Yopougon', $25 = '-4.087', $26 = 'ABIDJAN', $27 = NULL, $28 = NULL, $29 = 'f', $30 = NULL, $31 = NULL, $32 = '0', $33 = NULL, $34 = 'RECEIVED', $35 = '2026-11-30 05:27:09.733671+00', $36 = 'Coupure d''électricité à Yopougon n°0', $37 = '2026-11-30 05:27:09.733671+00', $38 = NULL, $39 = 'MIL-X13P-RWT6', $40 = NULL, $41 = 'COMPLAINT', $42 = '2026-11-30 05:27:09.733671+00', $43 = '0', $44 = 'dec746fc-22f1-49da-9811-aff8067a29ed'
2026-11-30 05:27:09.740 UTC [11354] milie@milie_capture LOG:  execute S_8: insert into request_event (actor_id,actor_role,data,from_status,occurred_at,request_id,to_status,type,visibility,id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
2026-11-30 05:27:09.740 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = NULL, $2 = 'anonymous', $3 = '{"type": "COMPLAINT", "channel": "MOBILE", "anonymous": false, "categoryId": "e427d6a6-5ad6-4ef5-9b15-298524043aad"}', $4 = NULL, $5 = '2026-11-30 05:27:09.733671+00', $6 = 'dec746fc-22f1-49da-9811-aff8067a29ed', $7 = 'RECEIVED', $8 = 'SUBMITTED', $9 = 'PUBLIC', $10 = 'bbed4073-09a0-4cf1-b192-5934b30f97c7'
2026-11-30 05:27:09.752 UTC [11354] milie@milie_capture LOG:  execute S_9: insert into outbox_message (attempts,body,channel,created_at,device_id,html_body,interrupted_sends,kind,last_error,next_attempt_at,recipient,request_id,sent_at,status,subject,id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
2026-11-30 05:27:09.752 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = '0', $2 = 'Bonjour,
	
	Merci d''avoir pris le temps de nous écrire. Votre demande « Coupure d''électricité à Yopougon n°0 » a bien été enregistrée.
	
	Votre code de suivi : MIL-X13P-RWT6
	Conservez-le : il vous sera demandé si vous appelez le centre d''appels.
	
	L''Observatoire du service public (OSEP) va l''examiner, puis la transmettre à l''administration concernée. Vous serez prévenu(e) à chaque étape importante.
	
	Suivez son avancement, répondez aux éventuelles questions et lisez la réponse sur cette page :
	http://localhost:8080/suivi/MIL-X13P-RWT6#cle=cs0Lk2mZ2jshSp7MIWY20w
	
	Ce lien vous est personnel : ne le partagez pas.
	
	Cordialement,
	L''équipe Miliê
	Observatoire du service public (OSEP), Côte d''Ivoire
	
	Ce message est envoyé automatiquement, merci de ne pas y répondre.', $3 = 'EMAIL', $4 = '2026-11-30 05:27:09.744217+00', $5 = NULL, $6 = '<!DOCTYPE html>
	<html lang="fr">
	<head>
	<meta charset="UTF-8">
	<meta name="viewport" content="width=device-width, initial-scale=1">
	<title>Votre demande MIL-X13P-RWT6 a bien été reçue</title>
	</head>
	<body style="margin:0;padding:0;background-color:#f4f5f7;">
	<div style="max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;">
	<p style="margin:0 0 20px;font-size:22px;font-weight:bold;color:#f77f00;">Miliê</p>
	<p style="margin:0 0 14px;">Bonjour,</p>
	<p style="margin:0 0 14px;">Merci d&#39;avoir pris le temps de nous écrire. Votre demande « Coupure d&#39;électricité à Yopougon n°0 » a bien été enregistrée.</p>
	<p style="margin:0 0 14px;">Votre code de suivi : MIL-X13P-RWT6<br>Conservez-le : il vous sera demandé si vous appelez le centre d&#39;appels.</p>
	<p style="margin:0 0 14px;">L&#39;Observatoire du service public (OSEP) va l&#39;examiner, puis la transmettre à l&#39;administration concernée. Vous serez prévenu(e) à chaque étape importante.</p>
	<p style="margin:0 0 14px;">Suivez son avancement, répondez aux éventuelles questions et lisez la réponse sur cette page :<br><a href="http://localhost:8080/suivi/MIL-X13P-RWT6#cle=cs0Lk2mZ2jshSp7MIWY20w" style="color:#009e60;">http://localhost:8080/suivi/MIL-X13P-RWT6#cle=cs0Lk2mZ2jshSp7MIWY20w</a></p>
	<p style="margin:0 0 14px;">Ce lien vous est personnel : ne le partagez pas.</p>
	<p style="margin:0 0 14px;">Cordialement,<br>L&#39;équipe Miliê<br>Observatoire du service public (OSEP), Côte d&#39;Ivoire</p>
	<p style="margin:0 0 14px;">Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
	</div>
	</body>
	</html>
	', $7 = '0', $8 = 'RECEIPT', $9 = NULL, $10 = '2026-11-30 05:27:09.744217+00', $11 = 'awa.1796016425.0@example.ci', $12 = 'dec746fc-22f1-49da-9811-aff8067a29ed', $13 = NULL, $14 = 'PENDING', $15 = 'Votre demande MIL-X13P-RWT6 a bien été reçue', $16 = '3dc9358b-aae2-4eab-aa35-29cfe46624eb'
2026-11-30 05:27:09.755 UTC [11354] milie@milie_capture LOG:  execute S_10: insert into idempotency_record (created_at,request_hash,request_id,response_body,idempotency_key) values ($1,$2,$3,$4,$5)
2026-11-30 05:27:09.755 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = '2026-11-30 05:27:09.729273+00', $2 = '6376501e401b4ce503cdf7c5efe8be6558ed42a563566539787eec64700d28e8', $3 = 'dec746fc-22f1-49da-9811-aff8067a29ed', $4 = '{"id":"dec746fc-22f1-49da-9811-aff8067a29ed","trackingCode":"MIL-X13P-RWT6","accessKey":"v1.Q8xxn4zqvjHqBU85ax-hy0j3jyaR-lkSEvXZUDRR31sl5juwdaMGqf_9ubjpB96afgM","status":"RECEIVED","type":"COMPLAINT","categoryCode":"BENCH-HTTP","channel":"MOBILE","submittedAt":"2026-11-30T05:27:09.733670707Z","dueAt":"2026-12-01T05:27:09.733670707Z","trackingUrl":null}', $5 = 'capture-1796016425-0'
2026-11-30 05:27:09.756 UTC [11354] milie@milie_capture LOG:  execute S_1: COMMIT
2026-11-30 05:27:09.759 UTC [11424] milie@milie_capture LOG:  execute S_1: select pg_notify($1, '')
2026-11-30 05:27:09.759 UTC [11424] milie@milie_capture DETAIL:  parameters: $1 = 'milie_request_events'
2026-11-30 05:27:09.760 UTC [11396] milie@milie_capture LOG:  execute S_1: select e.tx::text, e.seq, e.id, e.request_id, e.occurred_at from request_event e where e.tx < feed_horizon() and (e.tx, e.seq) > (($1::text)::xid8, $2) order by e.tx, e.seq limit $3
2026-11-30 05:27:09.760 UTC [11396] milie@milie_capture DETAIL:  parameters: $1 = '490762', $2 = '107097', $3 = '500'
2026-11-30 05:27:09.761 UTC [11396] milie@milie_capture LOG:  execute S_2: select exists (select 1 from request_event where tx >= feed_horizon() and (tx, seq) > (($1::text)::xid8, $2))
2026-11-30 05:27:09.761 UTC [11396] milie@milie_capture DETAIL:  parameters: $1 = '490764', $2 = '107098'
