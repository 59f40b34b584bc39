-- SLA: the working calendar (public holidays) and the deadline policies of each request type,
-- optionally refined per category. Deadlines are counted in working time (see sla/WorkingTime).

create table public_holiday (
    holiday_date date         primary key,
    name_fr      varchar(100) not null,
    name_en      varchar(100) not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);

-- Each allowance is an amount of WORKING_DAYS or WORKING_HOURS; one working day is 24 working hours.
create table sla_policy (
    id                     uuid        primary key,
    request_type           varchar(20) not null check (request_type in ('COMPLAINT', 'SUGGESTION', 'OBSERVATION')),
    category_id            uuid        references category (id),
    triage_amount          integer     not null check (triage_amount > 0),
    triage_unit            varchar(13) not null check (triage_unit in ('WORKING_DAYS', 'WORKING_HOURS')),
    acknowledgement_amount integer     not null check (acknowledgement_amount > 0),
    acknowledgement_unit   varchar(13) not null check (acknowledgement_unit in ('WORKING_DAYS', 'WORKING_HOURS')),
    answer_amount          integer     not null check (answer_amount > 0),
    answer_unit            varchar(13) not null check (answer_unit in ('WORKING_DAYS', 'WORKING_HOURS')),
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null default 0,
    constraint sla_policy_type_category_unique unique (request_type, category_id)
);
-- NULLs are distinct in a unique constraint: one default (category_id null) per type needs its own index.
create unique index sla_policy_type_default_unique on sla_policy (request_type) where category_id is null;
create index sla_policy_category_idx on sla_policy (category_id) where category_id is not null;

-- OSEP's public promise: triage within a working day, acknowledgement within two, an answer to a
-- complaint within three (72 hours), to a suggestion or an observation within ten.
insert into sla_policy (id, request_type, category_id, triage_amount, triage_unit, acknowledgement_amount,
        acknowledgement_unit, answer_amount, answer_unit, created_at, updated_at)
values
    (gen_random_uuid(), 'COMPLAINT',   null, 1, 'WORKING_DAYS', 2, 'WORKING_DAYS',  3, 'WORKING_DAYS', now(), now()),
    (gen_random_uuid(), 'SUGGESTION',  null, 1, 'WORKING_DAYS', 2, 'WORKING_DAYS', 10, 'WORKING_DAYS', now(), now()),
    (gen_random_uuid(), 'OBSERVATION', null, 1, 'WORKING_DAYS', 2, 'WORKING_DAYS', 10, 'WORKING_DAYS', now(), now());

-- The rule-based Ivorian public holidays of 2026 and 2027 (sla/FixedHolidays; Easter 2026 is on
-- 5 April, 2027 on 28 March: Easter Monday +1 day, Ascension +39, Whit Monday +50). The Islamic
-- holidays move every year and are added by sysadmin through the API once announced.
insert into public_holiday (holiday_date, name_fr, name_en, created_at, updated_at)
select d::date, fr, en, now(), now()
from (values
    ('2026-01-01', 'Jour de l''An', 'New Year''s Day'),
    ('2026-04-06', 'Lundi de Pâques', 'Easter Monday'),
    ('2026-05-01', 'Fête du Travail', 'Labour Day'),
    ('2026-05-14', 'Ascension', 'Ascension Day'),
    ('2026-05-25', 'Lundi de Pentecôte', 'Whit Monday'),
    ('2026-08-07', 'Fête nationale de l''Indépendance', 'Independence Day'),
    ('2026-08-15', 'Assomption', 'Assumption Day'),
    ('2026-11-01', 'Toussaint', 'All Saints'' Day'),
    ('2026-11-15', 'Journée nationale de la Paix', 'National Peace Day'),
    ('2026-12-25', 'Noël', 'Christmas Day'),
    ('2027-01-01', 'Jour de l''An', 'New Year''s Day'),
    ('2027-03-29', 'Lundi de Pâques', 'Easter Monday'),
    ('2027-05-01', 'Fête du Travail', 'Labour Day'),
    ('2027-05-06', 'Ascension', 'Ascension Day'),
    ('2027-05-17', 'Lundi de Pentecôte', 'Whit Monday'),
    ('2027-08-07', 'Fête nationale de l''Indépendance', 'Independence Day'),
    ('2027-08-15', 'Assomption', 'Assumption Day'),
    ('2027-11-01', 'Toussaint', 'All Saints'' Day'),
    ('2027-11-15', 'Journée nationale de la Paix', 'National Peace Day'),
    ('2027-12-25', 'Noël', 'Christmas Day')
) as fixed (d, fr, en);
