-- Dev-only seed (quarkus:dev runs db/migration and db/dev): the Government of Côte d'Ivoire's
-- ministries, a few directorates, agencies, public companies and local authorities, and a
-- catalogue of common concerns grouped under themes. Fixed ids so that bookmarks and scripts
-- keep working across restarts; idempotent, so it can be re-applied after an edit. Names follow
-- the 2023 government; contact addresses are deliberately fake (*.milie.test).
--
-- Administrations: a0000000-…-0000000000NN; categories: c0000000-…-0000000000NN.

-- Ministries --------------------------------------------------------------------------------------
insert into administration (id, code, name, acronym, kind, parent_id, contact_email, answer_review_required, active, created_at, updated_at)
values
    ('a0000000-0000-4000-8000-000000000001', 'MIS',     'Ministère de l''Intérieur et de la Sécurité', 'MIS', 'MINISTRY', null, 'mis@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000002', 'MSHPCMU', 'Ministère de la Santé, de l''Hygiène publique et de la Couverture maladie universelle', 'MSHPCMU', 'MINISTRY', null, 'mshpcmu@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000003', 'MENA',    'Ministère de l''Éducation nationale et de l''Alphabétisation', 'MENA', 'MINISTRY', null, 'mena@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000004', 'MESRS',   'Ministère de l''Enseignement supérieur et de la Recherche scientifique', 'MESRS', 'MINISTRY', null, 'mesrs@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000005', 'MFB',     'Ministère des Finances et du Budget', 'MFB', 'MINISTRY', null, 'mfb@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000006', 'MJDH',    'Ministère de la Justice et des Droits de l''Homme', 'MJDH', 'MINISTRY', null, 'mjdh@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000007', 'MT',      'Ministère des Transports', 'MT', 'MINISTRY', null, 'mt@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000008', 'MINHAS',  'Ministère de l''Hydraulique, de l''Assainissement et de la Salubrité', 'MINHAS', 'MINISTRY', null, 'minhas@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000009', 'MEER',    'Ministère de l''Équipement et de l''Entretien routier', 'MEER', 'MINISTRY', null, 'meer@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000010', 'MMPE',    'Ministère des Mines, du Pétrole et de l''Énergie', 'MMPE', 'MINISTRY', null, 'mmpe@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000011', 'MCLU',    'Ministère de la Construction, du Logement et de l''Urbanisme', 'MCLU', 'MINISTRY', null, 'mclu@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000012', 'MFPMA',   'Ministère de la Fonction publique et de la Modernisation de l''administration', 'MFPMA', 'MINISTRY', null, 'mfpma@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000013', 'MEPS',    'Ministère de l''Emploi et de la Protection sociale', 'MEPS', 'MINISTRY', null, 'meps@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000014', 'MINADER', 'Ministère de l''Agriculture, du Développement rural et des Productions vivrières', 'MINADER', 'MINISTRY', null, 'minader@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000015', 'MAEIIE',  'Ministère des Affaires étrangères, de l''Intégration africaine et des Ivoiriens de l''extérieur', 'MAEIIE', 'MINISTRY', null, 'maeiie@administrations.milie.test', true, true, now(), now())
on conflict do nothing;

-- Directorates, agencies and public companies, under their ministry -------------------------------
insert into administration (id, code, name, acronym, kind, parent_id, contact_email, answer_review_required, active, created_at, updated_at)
values
    ('a0000000-0000-4000-8000-000000000021', 'ONECI',   'Office national de l''état civil et de l''identification', 'ONECI', 'AGENCY', 'a0000000-0000-4000-8000-000000000001', 'oneci@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000022', 'DGPN',    'Direction générale de la Police nationale', 'DGPN', 'OTHER', 'a0000000-0000-4000-8000-000000000001', 'dgpn@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000023', 'DST',     'Direction de la Surveillance du territoire (passeports)', 'DST', 'OTHER', 'a0000000-0000-4000-8000-000000000022', 'dst@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000024', 'DGI',     'Direction générale des Impôts', 'DGI', 'OTHER', 'a0000000-0000-4000-8000-000000000005', 'dgi@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000025', 'CGRAE',   'Caisse générale de retraite des agents de l''État', 'CGRAE', 'AGENCY', 'a0000000-0000-4000-8000-000000000005', 'cgrae@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000026', 'CNPS',    'Caisse nationale de prévoyance sociale', 'CNPS', 'AGENCY', 'a0000000-0000-4000-8000-000000000013', 'cnps@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000027', 'CNAM',    'Caisse nationale d''assurance maladie', 'CNAM', 'AGENCY', 'a0000000-0000-4000-8000-000000000013', 'cnam@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000028', 'SODECI',  'Société de distribution d''eau de Côte d''Ivoire', 'SODECI', 'PUBLIC_COMPANY', 'a0000000-0000-4000-8000-000000000008', 'sodeci@administrations.milie.test', false, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000029', 'ANAGED',  'Agence nationale de gestion des déchets', 'ANAGED', 'AGENCY', 'a0000000-0000-4000-8000-000000000008', 'anaged@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000030', 'CIE',     'Compagnie ivoirienne d''électricité', 'CIE', 'PUBLIC_COMPANY', 'a0000000-0000-4000-8000-000000000010', 'cie@administrations.milie.test', false, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000031', 'SOTRA',   'Société des transports abidjanais', 'SOTRA', 'PUBLIC_COMPANY', 'a0000000-0000-4000-8000-000000000007', 'sotra@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000032', 'DGTTC',   'Direction générale des Transports terrestres et de la Circulation', 'DGTTC', 'OTHER', 'a0000000-0000-4000-8000-000000000007', 'dgttc@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000033', 'AGEROUTE', 'Agence de gestion des routes', 'AGEROUTE', 'AGENCY', 'a0000000-0000-4000-8000-000000000009', 'ageroute@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000034', 'DECO',    'Direction des examens et concours', 'DECO', 'OTHER', 'a0000000-0000-4000-8000-000000000003', 'deco@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000035', 'AFOR',    'Agence foncière rurale', 'AFOR', 'AGENCY', 'a0000000-0000-4000-8000-000000000014', 'afor@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000036', 'DAA',     'District autonome d''Abidjan', null, 'LOCAL_AUTHORITY', null, 'district-abidjan@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000037', 'MAIRIE-YOPOUGON', 'Mairie de Yopougon', null, 'LOCAL_AUTHORITY', 'a0000000-0000-4000-8000-000000000036', 'yopougon@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000038', 'MAIRIE-ABOBO', 'Mairie d''Abobo', null, 'LOCAL_AUTHORITY', 'a0000000-0000-4000-8000-000000000036', 'abobo@administrations.milie.test', true, true, now(), now()),
    ('a0000000-0000-4000-8000-000000000039', 'MAIRIE-BOUAKE', 'Mairie de Bouaké', null, 'LOCAL_AUTHORITY', null, 'bouake@administrations.milie.test', true, true, now(), now())
on conflict do nothing;

-- Themes: the first level of the catalogue ---------------------------------------------------------
insert into category (id, code, label_fr, label_en, description_fr, description_en, parent_id, applicable_types, default_administration_id, active, created_at, updated_at)
values
    ('c0000000-0000-4000-8000-000000000001', 'DOCUMENTS', 'Documents administratifs et identité', 'Official documents and identity',
     'État civil, pièces d''identité, passeports et permis.', 'Civil status, identity documents, passports and licences.',
     null, '{COMPLAINT,SUGGESTION,OBSERVATION}', null, true, now(), now()),
    ('c0000000-0000-4000-8000-000000000002', 'SANTE-SOCIAL', 'Santé et protection sociale', 'Health and social protection',
     'Soins, couverture maladie et retraites.', 'Care, health insurance and pensions.',
     null, '{COMPLAINT,SUGGESTION,OBSERVATION}', null, true, now(), now()),
    ('c0000000-0000-4000-8000-000000000003', 'EDUCATION', 'Éducation et formation', 'Education and training',
     'Écoles, examens, universités.', 'Schools, exams, universities.',
     null, '{COMPLAINT,SUGGESTION,OBSERVATION}', null, true, now(), now()),
    ('c0000000-0000-4000-8000-000000000004', 'CADRE-DE-VIE', 'Eau, électricité et cadre de vie', 'Water, electricity and living environment',
     'Services essentiels à domicile, salubrité, foncier et urbanisme.', 'Essential household services, sanitation, land and urban planning.',
     null, '{COMPLAINT,SUGGESTION,OBSERVATION}', null, true, now(), now()),
    ('c0000000-0000-4000-8000-000000000005', 'TRANSPORTS', 'Routes et transports', 'Roads and transport',
     'État des routes et transports publics.', 'Road conditions and public transport.',
     null, '{COMPLAINT,SUGGESTION,OBSERVATION}', null, true, now(), now()),
    ('c0000000-0000-4000-8000-000000000006', 'SECURITE-JUSTICE', 'Sécurité et justice', 'Security and justice',
     'Police, tribunaux et actes judiciaires.', 'Police, courts and judicial documents.',
     null, '{COMPLAINT,SUGGESTION,OBSERVATION}', null, true, now(), now()),
    ('c0000000-0000-4000-8000-000000000007', 'ECONOMIE-EMPLOI', 'Impôts, emploi et fonction publique', 'Taxes, employment and civil service',
     'Fiscalité, emploi, carrière des agents de l''État.', 'Taxation, employment, civil servants'' careers.',
     null, '{COMPLAINT,SUGGESTION,OBSERVATION}', null, true, now(), now()),
    ('c0000000-0000-4000-8000-000000000008', 'AUTRE', 'Autre préoccupation', 'Other concern',
     'Toute préoccupation qui n''entre dans aucune autre catégorie ; l''OSEP l''orientera.', 'Any concern that fits no other category; OSEP will route it.',
     null, '{COMPLAINT,SUGGESTION,OBSERVATION}', null, true, now(), now())
on conflict do nothing;

-- Categories under the themes, each with the administration that usually answers -----------------
insert into category (id, code, label_fr, label_en, description_fr, description_en, parent_id, applicable_types, default_administration_id, active, created_at, updated_at)
values
    -- Documents administratifs et identité
    ('c0000000-0000-4000-8000-000000000011', 'ETAT-CIVIL', 'État civil', 'Civil status',
     'Actes de naissance, de mariage et de décès : délivrance, retards, erreurs de transcription.', 'Birth, marriage and death certificates: issuance, delays, transcription errors.',
     'c0000000-0000-4000-8000-000000000001', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000021', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000012', 'CNI', 'Carte nationale d''identité', 'National identity card',
     'Enrôlement, délais de production et retrait de la CNI.', 'Enrolment, production delays and collection of the identity card.',
     'c0000000-0000-4000-8000-000000000001', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000021', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000013', 'PASSEPORT', 'Passeport', 'Passport',
     'Demande, renouvellement et retrait du passeport.', 'Application, renewal and collection of passports.',
     'c0000000-0000-4000-8000-000000000001', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000023', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000014', 'PERMIS-CARTE-GRISE', 'Permis de conduire et carte grise', 'Driving licence and vehicle registration',
     'Examens du permis, délivrance des titres, immatriculation des véhicules.', 'Driving tests, issuance of licences, vehicle registration.',
     'c0000000-0000-4000-8000-000000000001', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000032', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000015', 'DIASPORA', 'Services consulaires', 'Consular services',
     'Démarches des Ivoiriens de l''extérieur auprès des ambassades et consulats.', 'Procedures of Ivorians abroad at embassies and consulates.',
     'c0000000-0000-4000-8000-000000000001', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000015', true, now(), now()),
    -- Santé et protection sociale
    ('c0000000-0000-4000-8000-000000000021', 'CENTRES-SANTE', 'Hôpitaux et centres de santé', 'Hospitals and health centres',
     'Accueil, attente, disponibilité des médicaments et des soins dans les établissements publics.', 'Reception, waiting times, availability of medicines and care in public facilities.',
     'c0000000-0000-4000-8000-000000000002', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000002', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000022', 'CMU', 'Couverture maladie universelle', 'Universal health coverage',
     'Enrôlement à la CMU, carte, prise en charge refusée.', 'Enrolment in the CMU scheme, card, refused coverage.',
     'c0000000-0000-4000-8000-000000000002', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000027', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000023', 'RETRAITE-CNPS', 'Retraites et prestations CNPS', 'CNPS pensions and benefits',
     'Pensions et prestations des travailleurs du secteur privé.', 'Pensions and benefits of private-sector workers.',
     'c0000000-0000-4000-8000-000000000002', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000026', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000024', 'RETRAITE-CGRAE', 'Pensions des agents de l''État', 'Civil servants'' pensions',
     'Liquidation et paiement des pensions des fonctionnaires et agents de l''État.', 'Award and payment of civil servants'' pensions.',
     'c0000000-0000-4000-8000-000000000002', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000025', true, now(), now()),
    -- Éducation et formation
    ('c0000000-0000-4000-8000-000000000031', 'ECOLES', 'Écoles, collèges et lycées', 'Schools',
     'Inscriptions, frais, enseignants, conditions d''accueil des élèves.', 'Enrolment, fees, teachers, pupils'' conditions.',
     'c0000000-0000-4000-8000-000000000003', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000003', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000032', 'EXAMENS', 'Examens scolaires (CEPE, BEPC, BAC)', 'School exams (CEPE, BEPC, BAC)',
     'Inscriptions, convocations, résultats et diplômes des examens nationaux.', 'Registration, notices, results and certificates of national exams.',
     'c0000000-0000-4000-8000-000000000003', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000034', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000033', 'UNIVERSITES', 'Universités et bourses', 'Universities and grants',
     'Orientation, inscriptions universitaires, bourses et aides.', 'Placement, university enrolment, grants and aid.',
     'c0000000-0000-4000-8000-000000000003', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000004', true, now(), now()),
    -- Eau, électricité et cadre de vie
    ('c0000000-0000-4000-8000-000000000041', 'EAU', 'Eau potable', 'Drinking water',
     'Coupures, qualité de l''eau, branchements et factures SODECI.', 'Outages, water quality, connections and SODECI bills.',
     'c0000000-0000-4000-8000-000000000004', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000028', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000042', 'ELECTRICITE', 'Électricité', 'Electricity',
     'Délestages, compteurs, branchements et factures CIE.', 'Power cuts, meters, connections and CIE bills.',
     'c0000000-0000-4000-8000-000000000004', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000030', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000043', 'SALUBRITE', 'Assainissement et ordures ménagères', 'Sanitation and household waste',
     'Collecte des déchets, caniveaux, dépôts sauvages.', 'Waste collection, drains, illegal dumping.',
     'c0000000-0000-4000-8000-000000000004', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000029', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000044', 'FONCIER-URBAIN', 'Foncier urbain et permis de construire', 'Urban land and building permits',
     'Arrêté de concession définitive (ACD), lotissements, permis de construire.', 'Land title (ACD), subdivisions, building permits.',
     'c0000000-0000-4000-8000-000000000004', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000011', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000045', 'FONCIER-RURAL', 'Foncier rural', 'Rural land',
     'Certificats fonciers, délimitation des territoires villageois.', 'Land certificates, village boundaries.',
     'c0000000-0000-4000-8000-000000000004', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000035', true, now(), now()),
    -- Routes et transports
    ('c0000000-0000-4000-8000-000000000051', 'ROUTES', 'Routes et ouvrages', 'Roads and structures',
     'Nids-de-poule, routes dégradées, ponts, éclairage public.', 'Potholes, damaged roads, bridges, street lighting.',
     'c0000000-0000-4000-8000-000000000005', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000033', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000052', 'TRANSPORT-PUBLIC', 'Transports en commun', 'Public transport',
     'Bus SOTRA, bateaux-bus, fréquence, accueil, tarifs.', 'SOTRA buses and water buses, frequency, service, fares.',
     'c0000000-0000-4000-8000-000000000005', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000031', true, now(), now()),
    -- Sécurité et justice
    ('c0000000-0000-4000-8000-000000000061', 'POLICE', 'Police et sécurité publique', 'Police and public safety',
     'Accueil dans les commissariats, plaintes, rackets, insécurité.', 'Reception at police stations, reports, extortion, insecurity.',
     'c0000000-0000-4000-8000-000000000006', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000022', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000062', 'JUSTICE', 'Justice et actes judiciaires', 'Justice and judicial documents',
     'Casier judiciaire, certificat de nationalité, fonctionnement des juridictions.', 'Criminal record extracts, nationality certificates, courts.',
     'c0000000-0000-4000-8000-000000000006', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000006', true, now(), now()),
    -- Impôts, emploi et fonction publique
    ('c0000000-0000-4000-8000-000000000071', 'IMPOTS', 'Impôts et taxes', 'Taxes and duties',
     'Déclarations, impôt foncier, patentes, attestations de régularité fiscale.', 'Tax returns, property tax, business licences, tax clearance certificates.',
     'c0000000-0000-4000-8000-000000000007', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000024', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000072', 'FONCTION-PUBLIQUE', 'Fonction publique', 'Civil service',
     'Concours administratifs, prise de service, carrière et actes administratifs des agents.', 'Civil service exams, appointments, careers and staff records.',
     'c0000000-0000-4000-8000-000000000007', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000012', true, now(), now()),
    ('c0000000-0000-4000-8000-000000000073', 'EMPLOI', 'Emploi et travail', 'Employment and labour',
     'Recherche d''emploi, droits des travailleurs, inspection du travail.', 'Job seeking, workers'' rights, labour inspection.',
     'c0000000-0000-4000-8000-000000000007', '{COMPLAINT,SUGGESTION,OBSERVATION}', 'a0000000-0000-4000-8000-000000000013', true, now(), now())
on conflict do nothing;

-- Staff, one account per role, so that the walkthrough (docs/walkthrough.sh) and Swagger UI work
-- out of the box. DEV ONLY: these passwords are published in README.md; db/dev is never on the
-- production profile's Flyway path. The sysadmin is the bootstrap administrator (admin@milie.local).
-- Hashes are bcrypt (cost 10) of: Dev-Operateur-2026!, Dev-Osep-2026!, Dev-Agent-2026!,
-- Dev-Superviseur-2026!. Staff ids: 5eed0000-…-0000000000NN.
insert into staff_account (id, email, full_name, role, administration_id, active, password_hash, created_at, updated_at)
values
    ('5eed0000-0000-4000-8000-000000000001', 'operateur@milie.local', 'Opératrice Centre d''appels', 'operator', null, true,
     '$2a$10$hOPLc6a5Qbo2X1ixROgBMuB7gH/QHEcPAGLmEBRmYfVfFsJbqastC', now(), now()),
    ('5eed0000-0000-4000-8000-000000000002', 'osep@milie.local', 'Agent OSEP', 'osep', null, true,
     '$2a$10$JhlYXz5UVgi2WHGPC0Vjx./q5mHHXKQmudWRgDoF.JUgsDcntwLJi', now(), now()),
    ('5eed0000-0000-4000-8000-000000000003', 'agent.oneci@milie.local', 'Agent ONECI', 'agent', 'a0000000-0000-4000-8000-000000000021', true,
     '$2a$10$adF1GhJhIjtrJmdCJAXHaeQcWGhdUXqntPaKCrMUbUL6I1cLbxwx2', now(), now()),
    ('5eed0000-0000-4000-8000-000000000004', 'superviseur@milie.local', 'Superviseur OSEP', 'supervisor', null, true,
     '$2a$10$0M5IX/aYEFZ7BiKSlKGgXO2hMEH8kpzfbERfzo5jvB0o/4vVsn7s6', now(), now())
on conflict do nothing;
