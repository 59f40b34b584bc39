-- Requests filed from a feature phone, by USSD or SMS through an operator's aggregator.
alter table citizen_request drop constraint citizen_request_channel_check;
alter table citizen_request add constraint citizen_request_channel_check
    check (channel in ('WEB', 'MOBILE', 'PHONE', 'USSD', 'SMS'));
