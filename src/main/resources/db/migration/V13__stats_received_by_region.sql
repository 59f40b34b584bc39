-- The overview's requests received per region read only the region roll-up's rows that received
-- something (about 4 in 10), and only from these indexes (index-only scans): a year of the national
-- archive without reading the rows' other figures and working times.
create index stats_daily_region_received_idx on stats_daily_region (day)
    include (region, received, administration_id, category_id, type, channel) where received > 0;
create index stats_monthly_region_received_idx on stats_monthly_region (day)
    include (region, received, administration_id, category_id, type, channel) where received > 0;
