-- Text messages: what each costs, kept after its content is erased (SmsText counts the segments
-- when the message is queued; the relay counts them in milie_sms_segments_total when it is sent).
alter table outbox_message add column segments smallint;
