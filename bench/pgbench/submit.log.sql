2026-11-30 03:27:47.563 UTC [31419] milie@milie_capture LOG:  statement: BEGIN
2026-11-30 03:27:47.563 UTC [31419] milie@milie_capture LOG:  execute S_6: select pg_advisory_xact_lock(hashtextextended($1, 0))
2026-11-30 03:27:47.563 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'capture-1796009263-0'
2026-11-30 03:27:47.564 UTC [31419] milie@milie_capture LOG:  execute S_7: select ir1_0.idempotency_key,ir1_0.created_at,ir1_0.request_hash,ir1_0.request_id,ir1_0.response_body from idempotency_record ir1_0 where ir1_0.idempotency_key=$1
2026-11-30 03:27:47.564 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'capture-1796009263-0'
2026-11-30 03:27:47.565 UTC [31419] milie@milie_capture LOG:  execute S_8: select c1_0.id,c1_0.active,c1_0.applicable_types,c1_0.code,c1_0.created_at,c1_0.default_administration_id,c1_0.description_en,c1_0.description_fr,c1_0.label_en,c1_0.label_fr,c1_0.parent_id,c1_0.updated_at,c1_0.version from category c1_0 where c1_0.code=$1 fetch first $2 rows only
2026-11-30 03:27:47.565 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'BENCH-HTTP', $2 = '1'
2026-11-30 03:27:47.566 UTC [31419] milie@milie_capture LOG:  execute S_9: select r.code from region r where r.code = region_code_of($1) and r.active
2026-11-30 03:27:47.566 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'Abidjan'
2026-11-30 03:27:47.568 UTC [31419] milie@milie_capture LOG:  execute S_5: insert into rate_limit (key, hits, expires_at) values ($1, 1, $2)
	on conflict (key) do update set
	    hits = case when rate_limit.expires_at <= $3 then 1 else rate_limit.hits + 1 end,
	    expires_at = case when rate_limit.expires_at <= $4 then excluded.expires_at else rate_limit.expires_at end
	where rate_limit.expires_at <= $5 or rate_limit.hits < $6
	returning hits
2026-11-30 03:27:47.568 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'submission.per-address:166f905474171b478db250cf7a34d4cc37af0de8c8c20932a6238e43723ebc59', $2 = '2026-11-30 04:27:47.568085+00', $3 = '2026-11-30 03:27:47.568085+00', $4 = '2026-11-30 03:27:47.568085+00', $5 = '2026-11-30 03:27:47.568085+00', $6 = '30'
2026-11-30 03:27:47.569 UTC [31419] milie@milie_capture LOG:  execute S_5: insert into rate_limit (key, hits, expires_at) values ($1, 1, $2)
	on conflict (key) do update set
	    hits = case when rate_limit.expires_at <= $3 then 1 else rate_limit.hits + 1 end,
	    expires_at = case when rate_limit.expires_at <= $4 then excluded.expires_at else rate_limit.expires_at end
	where rate_limit.expires_at <= $5 or rate_limit.hits < $6
	returning hits
2026-11-30 03:27:47.569 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'submission.per-contact:0f882174348668c282eb2499ae67f0955eaef1c4743c4432afaa8a7950357bf7', $2 = '2026-11-30 04:27:47.569248+00', $3 = '2026-11-30 03:27:47.569248+00', $4 = '2026-11-30 03:27:47.569248+00', $5 = '2026-11-30 03:27:47.569248+00', $6 = '5'
2026-11-30 03:27:47.570 UTC [31419] milie@milie_capture LOG:  execute S_10: select exists (select 1 from citizen_request where tracking_code = $1)
2026-11-30 03:27:47.570 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'MIL-X3ZB-A66N'
2026-11-30 03:27:47.571 UTC [31419] milie@milie_capture LOG:  execute S_11: select sp1_0.id,sp1_0.acknowledgement_amount,sp1_0.acknowledgement_unit,sp1_0.answer_amount,sp1_0.answer_unit,sp1_0.category_id,sp1_0.created_at,sp1_0.request_type,sp1_0.triage_amount,sp1_0.triage_unit,sp1_0.updated_at,sp1_0.version from sla_policy sp1_0 where sp1_0.request_type=$1 and (sp1_0.category_id=$2 or sp1_0.category_id is null) order by sp1_0.category_id fetch first $3 rows only
2026-11-30 03:27:47.571 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'COMPLAINT', $2 = 'e427d6a6-5ad6-4ef5-9b15-298524043aad', $3 = '1'
2026-11-30 03:27:47.573 UTC [31419] milie@milie_capture LOG:  execute S_12: insert into citizen_request (access_key_hash,acknowledged_at,acknowledgement_met,acknowledgement_working_seconds,administration_id,anonymous,answer_met,answer_working_seconds,answered_at,category_id,channel,citizen_id,closed_at,contact_email,contact_name,contact_phone,preferred_language,description,due_at,duplicate_of,entered_by_staff_id,escalated_due_at,latitude,locality,longitude,region,overdue_due_at,paused_remaining_seconds,qualified,rejection_reason,reminded_due_at,reopen_count,resume_status,status,status_changed_at,subject,submitted_at,suggested_administration_id,tracking_code,triage_met,type,updated_at,version,id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36,$37,$38,$39,$40,$41,$42,$43,$44)
2026-11-30 03:27:47.573 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'ff7fe6de7e42259f7abed1d92df9428901c22f7f65b8a68512d808a4b6e7d715', $2 = NULL, $3 = NULL, $4 = NULL, $5 = NULL, $6 = 'f', $7 = NULL, $8 = NULL, $9 = NULL, $10 = 'e427d6a6-5ad6-4ef5-9b15-298524043aad', $11 = 'MOBILE', $12 = NULL, $13 = NULL, $14 = 'awa.1796009263.0@example.ci', $15 = 'Awa Traoré', $16 = NULL, $17 = 'fr', $18 = 'Depuis trois jours le quartier est sans courant et personne ne répond au numéro d''urgence (capture-1796009263-0).', $19 = '2026-12-01 03:27:47.570465+00', $20 = NULL, $21 = NULL, $22 = NULL, $23 = '5.336', $24 = 'Yopougon', $25 = '-4.087', $26 = 'ABIDJAN', $27 = NULL, $28 = NULL, $29 = 'f', $30 = NULL, $31 = NULL, $32 = '0', $33 = NULL, $34 = 'RECEIVED', $35 = '2026-11-30 03:27:47.570465+00', $36 = 'Coupure d''électricité à Yopougon n°0', $37 = '2026-11-30 03:27:47.570465+00', $38 = NULL, $39 = 'MIL-X3ZB-A66N', $40 = NULL, $41 = 'COMPLAINT', $42 = '2026-11-30 03:27:47.570465+00', $43 = '0', $44 = '8c370a4b-f0ac-42c3-8086-47a6f69936ea'
2026-11-30 03:27:47.574 UTC [31419] milie@milie_capture LOG:  execute S_13: insert into request_event (actor_id,actor_role,data,from_status,occurred_at,request_id,to_status,type,visibility,id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
2026-11-30 03:27:47.574 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = NULL, $2 = 'anonymous', $3 = '{"type": "COMPLAINT", "channel": "MOBILE", "anonymous": false, "categoryId": "e427d6a6-5ad6-4ef5-9b15-298524043aad"}', $4 = NULL, $5 = '2026-11-30 03:27:47.570465+00', $6 = '8c370a4b-f0ac-42c3-8086-47a6f69936ea', $7 = 'RECEIVED', $8 = 'SUBMITTED', $9 = 'PUBLIC', $10 = '425c762e-047c-4a88-831e-c2eae52f0d47'
2026-11-30 03:27:47.576 UTC [31419] milie@milie_capture LOG:  execute S_14: select s.id from webhook_subscription s join integration_client c on c.id = s.client_id
	where s.active and c.active and 'REQUESTS_READ' = any(c.permissions)
	  and cast($1 as varchar) = any(s.event_types) and c.administration_id is null
	order by s.created_at, s.id
2026-11-30 03:27:47.576 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'SUBMITTED'
2026-11-30 03:27:47.576 UTC [31419] milie@milie_capture LOG:  execute S_15: select pg_notify($1, $2)
2026-11-30 03:27:47.576 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = 'milie_request_events', $2 = '8c370a4b-f0ac-42c3-8086-47a6f69936ea'
2026-11-30 03:27:47.580 UTC [31419] milie@milie_capture LOG:  execute S_16: insert into outbox_message (attempts,body,channel,created_at,device_id,html_body,interrupted_sends,kind,last_error,next_attempt_at,recipient,request_id,sent_at,status,subject,id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
2026-11-30 03:27:47.580 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = '0', $2 = 'Bonjour,
	
	Merci d''avoir pris le temps de nous écrire. Votre demande « Coupure d''électricité à Yopougon n°0 » a bien été enregistrée.
	
	Votre code de suivi : MIL-X3ZB-A66N
	Conservez-le : il vous sera demandé si vous appelez le centre d''appels.
	
	L''Observatoire du service public (OSEP) va l''examiner, puis la transmettre à l''administration concernée. Vous serez prévenu(e) à chaque étape importante.
	
	Suivez son avancement, répondez aux éventuelles questions et lisez la réponse sur cette page :
	http://localhost:8080/suivi/MIL-X3ZB-A66N#cle=bHEJpfPcZEDXO9fqIIb2ow
	
	Ce lien vous est personnel : ne le partagez pas.
	
	Cordialement,
	L''équipe Miliê
	Observatoire du service public (OSEP), Côte d''Ivoire
	
	Ce message est envoyé automatiquement, merci de ne pas y répondre.', $3 = 'EMAIL', $4 = '2026-11-30 03:27:47.577611+00', $5 = NULL, $6 = '<!DOCTYPE html>
	<html lang="fr">
	<head>
	<meta charset="UTF-8">
	<meta name="viewport" content="width=device-width, initial-scale=1">
	<title>Votre demande MIL-X3ZB-A66N a bien été reçue</title>
	</head>
	<body style="margin:0;padding:0;background-color:#f4f5f7;">
	<div style="max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;">
	<p style="margin:0 0 20px;font-size:22px;font-weight:bold;color:#f77f00;">Miliê</p>
	<p style="margin:0 0 14px;">Bonjour,</p>
	<p style="margin:0 0 14px;">Merci d&#39;avoir pris le temps de nous écrire. Votre demande « Coupure d&#39;électricité à Yopougon n°0 » a bien été enregistrée.</p>
	<p style="margin:0 0 14px;">Votre code de suivi : MIL-X3ZB-A66N<br>Conservez-le : il vous sera demandé si vous appelez le centre d&#39;appels.</p>
	<p style="margin:0 0 14px;">L&#39;Observatoire du service public (OSEP) va l&#39;examiner, puis la transmettre à l&#39;administration concernée. Vous serez prévenu(e) à chaque étape importante.</p>
	<p style="margin:0 0 14px;">Suivez son avancement, répondez aux éventuelles questions et lisez la réponse sur cette page :<br><a href="http://localhost:8080/suivi/MIL-X3ZB-A66N#cle=bHEJpfPcZEDXO9fqIIb2ow" style="color:#009e60;">http://localhost:8080/suivi/MIL-X3ZB-A66N#cle=bHEJpfPcZEDXO9fqIIb2ow</a></p>
	<p style="margin:0 0 14px;">Ce lien vous est personnel : ne le partagez pas.</p>
	<p style="margin:0 0 14px;">Cordialement,<br>L&#39;équipe Miliê<br>Observatoire du service public (OSEP), Côte d&#39;Ivoire</p>
	<p style="margin:0 0 14px;">Ce message est envoyé automatiquement, merci de ne pas y répondre.</p>
	</div>
	</body>
	</html>
	', $7 = '0', $8 = 'RECEIPT', $9 = NULL, $10 = '2026-11-30 03:27:47.577611+00', $11 = 'awa.1796009263.0@example.ci', $12 = '8c370a4b-f0ac-42c3-8086-47a6f69936ea', $13 = NULL, $14 = 'PENDING', $15 = 'Votre demande MIL-X3ZB-A66N a bien été reçue', $16 = '7b3fc307-f2e6-4821-b716-fb8f58534b7d'
2026-11-30 03:27:47.581 UTC [31419] milie@milie_capture LOG:  execute S_17: insert into idempotency_record (created_at,request_hash,request_id,response_body,idempotency_key) values ($1,$2,$3,$4,$5)
2026-11-30 03:27:47.581 UTC [31419] milie@milie_capture DETAIL:  parameters: $1 = '2026-11-30 03:27:47.564079+00', $2 = '41bf993e8bb662c07bca37529124bdc1cfd0ab71a2091e41b11f943efc0d4a06', $3 = '8c370a4b-f0ac-42c3-8086-47a6f69936ea', $4 = '{"id":"8c370a4b-f0ac-42c3-8086-47a6f69936ea","trackingCode":"MIL-X3ZB-A66N","accessKey":"v1.hxeTieNp3ksbQGPFasPLS8mrNtIkr0U_Qjvcwr39-sSfwvEPxlGTuF2uwBFHxINNGiY","status":"RECEIVED","type":"COMPLAINT","categoryCode":"BENCH-HTTP","channel":"MOBILE","submittedAt":"2026-11-30T03:27:47.570465068Z","dueAt":"2026-12-01T03:27:47.570465068Z","trackingUrl":null}', $5 = 'capture-1796009263-0'
2026-11-30 03:27:47.581 UTC [31419] milie@milie_capture LOG:  execute S_1: COMMIT
2026-11-30 03:27:47.585 UTC [31441] milie@milie_capture LOG:  execute S_1: select e.tx::text, e.seq, e.id, e.request_id, e.occurred_at from request_event e where e.tx < feed_horizon() and (e.tx, e.seq) > (($1::text)::xid8, $2) order by e.tx, e.seq limit $3
2026-11-30 03:27:47.585 UTC [31441] milie@milie_capture DETAIL:  parameters: $1 = '271986', $2 = '9992', $3 = '500'
2026-11-30 03:27:47.586 UTC [31441] milie@milie_capture LOG:  execute S_2: select exists (select 1 from request_event where tx >= feed_horizon() and (tx, seq) > (($1::text)::xid8, $2))
2026-11-30 03:27:47.586 UTC [31441] milie@milie_capture DETAIL:  parameters: $1 = '271987', $2 = '9993'
