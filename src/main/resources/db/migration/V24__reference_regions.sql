-- Reference data: the districts and regions of Côte d'Ivoire, requests' regions as codes, and
-- administrations' English names.
--
-- The territory (decree 2011-263, districts re-created as autonomous districts by decree 2021-276):
-- 14 districts; 12 of them hold the 31 regions, the autonomous districts of Abidjan and
-- Yamoussoukro hold no region. A request names where the problem is by a region code or, in those
-- two, by the district's own code: table `region` holds both (kind REGION or AUTONOMOUS_DISTRICT).
-- The lists are data: a change of the territory is an UPDATE (or a new row, or active = false),
-- not a release. Codes are stable: never renamed, never reused.

create table district (
    code    varchar(32)  primary key,
    name_fr varchar(100) not null,
    name_en varchar(100) not null
);

create table region (
    code          varchar(32)  primary key,
    name_fr       varchar(100) not null,
    name_en       varchar(100) not null,
    district_code varchar(32)  not null references district (code),
    kind          varchar(20)  not null check (kind in ('REGION', 'AUTONOMOUS_DISTRICT')),
    -- Other spellings met in the field (e.g. "Agnébi-Tiassa"), matched like the names.
    aliases       varchar(100)[] not null default '{}',
    active        boolean      not null default true
);
create index region_district_idx on region (district_code);

insert into district (code, name_fr, name_en) values
    ('ABIDJAN', 'District autonome d''Abidjan', 'Abidjan Autonomous District'),
    ('YAMOUSSOUKRO', 'District autonome de Yamoussoukro', 'Yamoussoukro Autonomous District'),
    ('BAS_SASSANDRA', 'District autonome du Bas-Sassandra', 'Bas-Sassandra Autonomous District'),
    ('COMOE', 'District autonome de la Comoé', 'Comoé Autonomous District'),
    ('DENGUELE', 'District autonome du Denguélé', 'Denguélé Autonomous District'),
    ('GOH_DJIBOUA', 'District autonome du Gôh-Djiboua', 'Gôh-Djiboua Autonomous District'),
    ('LACS', 'District autonome des Lacs', 'Lacs Autonomous District'),
    ('LAGUNES', 'District autonome des Lagunes', 'Lagunes Autonomous District'),
    ('MONTAGNES', 'District autonome des Montagnes', 'Montagnes Autonomous District'),
    ('SASSANDRA_MARAHOUE', 'District autonome du Sassandra-Marahoué', 'Sassandra-Marahoué Autonomous District'),
    ('SAVANES', 'District autonome des Savanes', 'Savanes Autonomous District'),
    ('VALLEE_DU_BANDAMA', 'District autonome de la Vallée du Bandama', 'Vallée du Bandama Autonomous District'),
    ('WOROBA', 'District autonome du Woroba', 'Woroba Autonomous District'),
    ('ZANZAN', 'District autonome du Zanzan', 'Zanzan Autonomous District');

-- Regions keep their proper names in English. Moronou was attached to the Comoé in 2021 (it
-- belonged to the Lacs before).
insert into region (code, name_fr, name_en, district_code, kind, aliases) values
    ('ABIDJAN', 'Abidjan', 'Abidjan', 'ABIDJAN', 'AUTONOMOUS_DISTRICT', '{}'),
    ('YAMOUSSOUKRO', 'Yamoussoukro', 'Yamoussoukro', 'YAMOUSSOUKRO', 'AUTONOMOUS_DISTRICT', '{}'),
    ('GBOKLE', 'Gbôklé', 'Gbôklé', 'BAS_SASSANDRA', 'REGION', '{}'),
    ('NAWA', 'Nawa', 'Nawa', 'BAS_SASSANDRA', 'REGION', '{}'),
    ('SAN_PEDRO', 'San-Pédro', 'San-Pédro', 'BAS_SASSANDRA', 'REGION', '{}'),
    ('INDENIE_DJUABLIN', 'Indénié-Djuablin', 'Indénié-Djuablin', 'COMOE', 'REGION', '{}'),
    ('MORONOU', 'Moronou', 'Moronou', 'COMOE', 'REGION', '{}'),
    ('SUD_COMOE', 'Sud-Comoé', 'Sud-Comoé', 'COMOE', 'REGION', '{}'),
    ('FOLON', 'Folon', 'Folon', 'DENGUELE', 'REGION', '{}'),
    ('KABADOUGOU', 'Kabadougou', 'Kabadougou', 'DENGUELE', 'REGION', '{}'),
    ('GOH', 'Gôh', 'Gôh', 'GOH_DJIBOUA', 'REGION', '{}'),
    ('LOH_DJIBOUA', 'Lôh-Djiboua', 'Lôh-Djiboua', 'GOH_DJIBOUA', 'REGION', '{}'),
    ('BELIER', 'Bélier', 'Bélier', 'LACS', 'REGION', '{}'),
    ('IFFOU', 'Iffou', 'Iffou', 'LACS', 'REGION', '{}'),
    ('NZI', 'N''Zi', 'N''Zi', 'LACS', 'REGION', '{}'),
    ('AGNEBY_TIASSA', 'Agnéby-Tiassa', 'Agnéby-Tiassa', 'LAGUNES', 'REGION', '{"Agnébi-Tiassa"}'),
    ('GRANDS_PONTS', 'Grands-Ponts', 'Grands-Ponts', 'LAGUNES', 'REGION', '{"Grand-Ponts"}'),
    ('LA_ME', 'La Mé', 'La Mé', 'LAGUNES', 'REGION', '{}'),
    ('CAVALLY', 'Cavally', 'Cavally', 'MONTAGNES', 'REGION', '{}'),
    ('GUEMON', 'Guémon', 'Guémon', 'MONTAGNES', 'REGION', '{}'),
    ('TONKPI', 'Tonkpi', 'Tonkpi', 'MONTAGNES', 'REGION', '{}'),
    ('HAUT_SASSANDRA', 'Haut-Sassandra', 'Haut-Sassandra', 'SASSANDRA_MARAHOUE', 'REGION', '{}'),
    ('MARAHOUE', 'Marahoué', 'Marahoué', 'SASSANDRA_MARAHOUE', 'REGION', '{}'),
    ('BAGOUE', 'Bagoué', 'Bagoué', 'SAVANES', 'REGION', '{}'),
    ('PORO', 'Poro', 'Poro', 'SAVANES', 'REGION', '{}'),
    ('TCHOLOGO', 'Tchologo', 'Tchologo', 'SAVANES', 'REGION', '{}'),
    ('GBEKE', 'Gbêkê', 'Gbêkê', 'VALLEE_DU_BANDAMA', 'REGION', '{}'),
    ('HAMBOL', 'Hambol', 'Hambol', 'VALLEE_DU_BANDAMA', 'REGION', '{}'),
    ('BAFING', 'Bafing', 'Bafing', 'WOROBA', 'REGION', '{}'),
    ('BERE', 'Béré', 'Béré', 'WOROBA', 'REGION', '{}'),
    ('WORODOUGOU', 'Worodougou', 'Worodougou', 'WOROBA', 'REGION', '{}'),
    ('BOUNKANI', 'Bounkani', 'Bounkani', 'ZANZAN', 'REGION', '{}'),
    ('GONTOUGO', 'Gontougo', 'Gontougo', 'ZANZAN', 'REGION', '{}');

-- The key two spellings of one place share: lower case, no accents, no "Région du" or "District
-- autonome de" in front, letters and digits only. "District autonome d'Abidjan", "abidjan" and
-- "ABIDJAN" give "abidjan"; "Agnéby-Tiassa" and "AGNEBY_TIASSA" give "agnebytiassa".
create function region_key(name text) returns text language sql immutable parallel safe as $$
    select regexp_replace(
               regexp_replace(
                   translate(lower(btrim(name)), 'àáâäãåçèéêëìíîïñòóôöõùúûüýÿœ’',
                             'aaaaaaceeeeiiiinooooouuuuyyo'''),
                   '^(la |le |les )?(region|district autonome|district)( de la | de l''| du | des | de | d''| )', ''),
               '[^a-z0-9]', '', 'g')
$$;

-- The code of the region (or autonomous district) a free-text name or code designates, active or
-- not; null when none does. Used to map the requests below and by submissions (which also check
-- that the region is active).
create function region_code_of(name text) returns varchar language sql stable parallel safe as $$
    select r.code from region r
    where name is not null and region_key(name) <> ''
      and (region_key(r.code) = region_key(name) or region_key(r.name_fr) = region_key(name)
           or region_key(r.name_en) = region_key(name)
           or exists (select 1 from unnest(r.aliases) a where region_key(a) = region_key(name)))
    order by r.code
    limit 1
$$;

-- Existing requests: what names a region becomes its code; what does not stays as written and is
-- counted apart by the statistics (the UNMAPPED bucket, R__stats_functions). Erased requests
-- (V23) keep their region too, so they follow the same rule.
update citizen_request r set region = m.code
from (select id, region_code_of(region) as code from citizen_request where region is not null) m
where r.id = m.id and m.code is not null and r.region <> m.code;

-- Administrations' English names; null means "the same as the French name".
alter table administration add column name_en varchar(200);

-- The statistics read regions as buckets now (R__stats_functions): the roll-up is rebuilt, as after
-- V16 (StatsRollup rebuilds it from the requests on its next run; readers compute meanwhile).
truncate stats_daily, stats_daily_region, stats_monthly, stats_monthly_region, stats_period_times;
update stats_rollup_state set rolled_until = null, checked_at = null;
