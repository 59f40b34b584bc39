2026-11-30 05:27:10.836 UTC [11354] milie@milie_capture LOG:  execute S_11: select r.id, r.tracking_code, r.access_key_hash, r.type, r.status, r.submitted_at, r.updated_at,
	       r.due_at, c.id, c.code, c.label_fr, c.label_en, a.name,
	       e.id, e.type, e.occurred_at, e.from_status, e.to_status, t.message, e.actor_role
	from citizen_request r
	join category c on c.id = r.category_id
	left join administration a on a.id = r.administration_id
	left join request_event e on e.request_id = r.id and e.visibility = 'PUBLIC'
	left join request_event_text t on t.event_id = e.id
	where r.tracking_code = $1
	order by e.seq
2026-11-30 05:27:10.836 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = 'MIL-X13P-RWT6'
2026-11-30 05:27:10.839 UTC [11354] milie@milie_capture LOG:  execute S_12: select cr1_0.id,cr1_0.access_key_hash,cr1_0.acknowledged_at,cr1_0.acknowledgement_met,cr1_0.acknowledgement_working_seconds,cr1_0.administration_id,cr1_0.anonymous,cr1_0.answer_met,cr1_0.answer_working_seconds,cr1_0.answered_at,cr1_0.category_id,cr1_0.channel,cr1_0.citizen_id,cr1_0.closed_at,cr1_0.contact_email,cr1_0.contact_name,cr1_0.contact_phone,cr1_0.preferred_language,cr1_0.description,cr1_0.due_at,cr1_0.duplicate_of,cr1_0.entered_by_staff_id,cr1_0.escalated_due_at,cr1_0.latitude,cr1_0.locality,cr1_0.longitude,cr1_0.region,cr1_0.overdue_due_at,cr1_0.paused_remaining_seconds,cr1_0.personal_data_erased_at,cr1_0.qualified,cr1_0.rejection_reason,cr1_0.reminded_due_at,cr1_0.reopen_count,cr1_0.resume_status,cr1_0.status,cr1_0.status_changed_at,cr1_0.subject,cr1_0.submitted_at,cr1_0.suggested_administration_id,cr1_0.tracking_code,cr1_0.triage_met,cr1_0.type,cr1_0.updated_at,cr1_0.version from citizen_request cr1_0 where cr1_0.id=$1
2026-11-30 05:27:10.839 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = 'dec746fc-22f1-49da-9811-aff8067a29ed'
2026-11-30 05:27:10.841 UTC [11354] milie@milie_capture LOG:  execute S_13: select a1_0.id,a1_0.text,a1_0.submitted_at,a1_0.delivered_at from answer a1_0 where a1_0.request_id=$1 and a1_0.status=$2 order by a1_0.delivered_at
2026-11-30 05:27:10.841 UTC [11354] milie@milie_capture DETAIL:  parameters: $1 = 'dec746fc-22f1-49da-9811-aff8067a29ed', $2 = 'DELIVERED'
