-- The text messages received on the short code (channel.SmsCommands), by the aggregator's own id:
-- an aggregator that posts one message again (its answer was lost) finds it here and the command
-- runs once. Only the ids are kept, not the number nor the text, and for
-- milie.channels.sms.inbound-ids-kept (7 days), far longer than an aggregator retries.
create table sms_inbound (
    aggregator    varchar(40)  not null,
    message_id    varchar(100) not null,
    received_at   timestamptz  not null,
    primary key (aggregator, message_id)
);
create index sms_inbound_received_at_idx on sms_inbound (received_at);
