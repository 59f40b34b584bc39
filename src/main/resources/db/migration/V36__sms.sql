-- Text messages: what each costs, kept after its content is erased (SmsText counts the segments
-- when the message is queued; the relay counts them in milie_sms_segments_total when it is sent).
alter table outbox_message add column segments smallint;

-- The numbers that sent STOP: no SMS leaves for them but the confirmation of their opt-out
-- (SmsOptOuts; the outbox checks when queueing and again when sending). START deletes the row.
create table sms_opt_out (
    phone          varchar(16) primary key, -- E.164
    opted_out_at   timestamptz not null
);
