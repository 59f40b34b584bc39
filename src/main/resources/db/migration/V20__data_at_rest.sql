-- Data at rest. A message given up (FAILED) loses its content as a SENT one does: it may hold a
-- sign-in code or a tracking link with its access key. Rows already FAILED are erased here.
alter table outbox_message drop constraint outbox_message_body_until_sent;
update outbox_message set body = null, html_body = null
 where status in ('SENT', 'FAILED') and (body is not null or html_body is not null);
alter table outbox_message add constraint outbox_message_body_until_done
    check (status in ('SENT', 'FAILED') or body is not null);

-- Idempotency records now hold the replayed receipt encrypted (AES-GCM, milie.idempotency.key).
-- Those written before kept it in clear: their access key and tracking link (which carries the key)
-- are removed; a retry of such a submission, within 24 hours of it, gets its receipt without them.
update idempotency_record
   set response_body = (response_body::jsonb - 'accessKey' - 'trackingUrl')::text
 where response_body like '{%';
