-- Text messages: what each costs, kept after its content is erased (SmsText counts the segments
-- when the message is queued; the relay counts them in milie_sms_segments_total when it is sent).
alter table outbox_message add column segments smallint;

-- The numbers that sent STOP: no SMS leaves for them but the confirmation of their opt-out
-- (SmsOptOuts; the outbox checks when queueing and again when sending). START deletes the row.
create table sms_opt_out (
    phone          varchar(16) primary key, -- E.164
    opted_out_at   timestamptz not null
);

-- Delivery receipts: the id the SMS gateway gave the last send, which its receipt names, and what
-- the receipt said. An SMS with an id keeps its text until the receipt (delivered: erased; failed
-- or expired: sent again, or given up and erased): the body-until-sent check still holds.
alter table outbox_message add column provider_message_id varchar(100);
alter table outbox_message add column delivery_status varchar(10)
    check (delivery_status in ('DELIVERED', 'FAILED', 'EXPIRED'));
create index outbox_message_provider_id_idx on outbox_message (provider_message_id) where provider_message_id is not null;
