-- Directory: the administrations requests are routed to, and the catalogue of concerns.

create table administration (
    id                     uuid primary key,
    code                   varchar(32)  not null,
    name                   varchar(200) not null,
    acronym                varchar(32),
    kind                   varchar(20)  not null check (kind in ('MINISTRY', 'AGENCY', 'LOCAL_AUTHORITY', 'PUBLIC_COMPANY', 'OTHER')),
    parent_id              uuid references administration (id),
    contact_email          varchar(254),
    answer_review_required boolean      not null default true,
    active                 boolean      not null default true,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0,
    constraint administration_code_unique unique (code)
);
create index administration_parent_idx on administration (parent_id);

create table category (
    id                        uuid primary key,
    code                      varchar(32)  not null,
    label_fr                  varchar(200) not null,
    label_en                  varchar(200) not null,
    description_fr            varchar(2000),
    description_en            varchar(2000),
    parent_id                 uuid references category (id),
    applicable_types          varchar(20)[] not null,
    default_administration_id uuid references administration (id),
    active                    boolean      not null default true,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    version                   bigint       not null default 0,
    constraint category_code_unique unique (code)
);
create index category_parent_idx on category (parent_id);
create index category_default_administration_idx on category (default_administration_id);
