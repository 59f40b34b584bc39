-- The relay marks a message SENDING (committed) before it calls SMTP or the SMS gateway, then SENT
-- (or back to PENDING) after. A message still SENDING when next_attempt_at passes was interrupted
-- (the instance died mid-send): it is sent once more, with the same Message-ID, and given up
-- (FAILED) should that happen again, so that a citizen never gets more than one duplicate.

alter table outbox_message drop constraint outbox_message_status_check;
alter table outbox_message add constraint outbox_message_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED'));

-- Sends that were interrupted between the call and its outcome being recorded.
alter table outbox_message add column interrupted_sends integer not null default 0;

drop index outbox_message_due_idx;
create index outbox_message_due_idx on outbox_message (next_attempt_at) where status in ('PENDING', 'SENDING');
