-- Devices of the mobile app (and web push), for push notifications. A device belongs to one
-- citizen's account or, for a request filed without an account, to the holder of that request's
-- key. Its token (the FCM registration token) is unique: registering it again moves and refreshes
-- it. It identifies a phone, so erasure deletes it with its owner (privacy.PersonalData).

create table device (
    id           uuid primary key,
    token        varchar(512) not null,
    citizen_id   uuid references citizen (id) on delete cascade,
    request_id   uuid references citizen_request (id) on delete cascade,
    platform     varchar(7)   not null check (platform in ('ANDROID', 'IOS', 'WEB')),
    app_version  varchar(40)  not null,
    language     varchar(2)   not null check (language in ('fr', 'en')),
    created_at   timestamptz  not null,
    last_seen_at timestamptz  not null,
    constraint device_token_key unique (token),
    constraint device_one_owner check ((citizen_id is null) <> (request_id is null))
);

create index device_citizen_idx on device (citizen_id) where citizen_id is not null;
create index device_request_idx on device (request_id) where request_id is not null;

-- The PUSH channel of the outbox: the recipient is the device's id (its token is read at send
-- time, so a device removed meanwhile gets nothing); the body is the notification's title, text
-- and data, erased once sent like every other.
alter table outbox_message drop constraint outbox_message_channel_check;
alter table outbox_message add constraint outbox_message_channel_check check (channel in ('EMAIL', 'SMS', 'PUSH'));
alter table outbox_message add column device_id uuid references device (id) on delete set null;
create index outbox_message_device_idx on outbox_message (device_id) where device_id is not null;
