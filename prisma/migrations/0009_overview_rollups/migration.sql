-- Overview and geography: what IP enrichment adds to an address, and hourly rollups of `event`
-- so the dashboards answer from a few thousand rows instead of scanning millions of events.
--
-- The rollups are maintained by the after-ingest step in lib/analysis/refresh-rollups.ts, which
-- recomputes every hour a job touched from `event` itself (delete the hours, insert them again).
-- Recomputing rather than adding the job's own counts keeps a re-run, or a crash half-way,
-- harmless. Text keys use '' for "none" so they can be part of the primary key; every key starts
-- with the hour and includes the account id (the distribution column, as on `event`).

ALTER TABLE ip_address
  ADD COLUMN region text,
  -- lib/enrich's network flag: `network` holds the kind (cloud, hosting, cdn), this the provider id.
  ADD COLUMN network_provider text;

-- The enrichment step reads only addresses not looked up yet.
CREATE INDEX ip_address_unenriched_idx ON ip_address (ip) WHERE enriched_at IS NULL;

-- Volume by service, for the chart (stacked by service, account or principal type) and the KPIs.
CREATE TABLE rollup_service_hourly (
  hour timestamptz(3) NOT NULL,
  account_id text NOT NULL,
  region text NOT NULL,
  service text NOT NULL,
  principal_type text NOT NULL,
  ip_kind text NOT NULL,
  events integer NOT NULL,
  errors integer NOT NULL,
  access_denied integer NOT NULL,
  PRIMARY KEY (hour, account_id, region, service, principal_type, ip_kind)
);

-- Volume by principal: top principals, distinct principal counts, the accounts summary.
CREATE TABLE rollup_principal_hourly (
  hour timestamptz(3) NOT NULL,
  account_id text NOT NULL,
  principal_id bigint NOT NULL,
  events integer NOT NULL,
  errors integer NOT NULL,
  access_denied integer NOT NULL,
  PRIMARY KEY (hour, account_id, principal_id)
);

-- Volume by source address and principal: the geography page (joined to ip_address for country
-- and network). Events without an address (AWS service hostnames, "AWS Internal") are counted
-- by ip_kind in rollup_service_hourly instead.
CREATE TABLE rollup_ip_hourly (
  hour timestamptz(3) NOT NULL,
  account_id text NOT NULL,
  source_ip inet NOT NULL,
  principal_id bigint NOT NULL,
  events integer NOT NULL,
  errors integer NOT NULL,
  access_denied integer NOT NULL,
  PRIMARY KEY (hour, account_id, source_ip, principal_id)
);
CREATE INDEX rollup_ip_hourly_ip_idx ON rollup_ip_hourly (source_ip, hour);
