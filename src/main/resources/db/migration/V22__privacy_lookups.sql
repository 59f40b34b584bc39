-- Privacy exports and erasures find a subject's data by contact: the messages sent to an e-mail or
-- phone, and the requests filed with that e-mail (those filed with a phone have their index since V3).
-- Without these, each act would read the whole outbox and every request.
create index outbox_message_recipient_idx on outbox_message (recipient);
create index citizen_request_email_idx on citizen_request (contact_email) where contact_email is not null;
