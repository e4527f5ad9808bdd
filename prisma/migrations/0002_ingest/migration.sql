-- Ingest: jobs, the per-file manifest, digest checks, and the events table itself.

CREATE TABLE ingest_job (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  source_kind text NOT NULL CHECK (source_kind IN ('path', 'upload', 's3')),
  options jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  started_at timestamptz(3),
  finished_at timestamptz(3),
  heartbeat_at timestamptz(3),
  files_total integer NOT NULL DEFAULT 0,
  files_done integer NOT NULL DEFAULT 0,
  files_failed integer NOT NULL DEFAULT 0,
  files_skipped integer NOT NULL DEFAULT 0,
  bytes_total bigint NOT NULL DEFAULT 0,
  bytes_done bigint NOT NULL DEFAULT 0,
  events_inserted bigint NOT NULL DEFAULT 0,
  events_duplicate bigint NOT NULL DEFAULT 0,
  events_rejected bigint NOT NULL DEFAULT 0,
  digest_mismatches integer NOT NULL DEFAULT 0,
  error text
);
CREATE INDEX ingest_job_created_at_idx ON ingest_job (created_at DESC);

-- One row per file a job saw. A file is identified by its content (sha256 of the bytes as
-- delivered, or the S3 ETag and size), so a re-run, or the same file under another name, is
-- skipped once one copy is done.
CREATE TABLE ingest_file (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES ingest_job (id) ON DELETE CASCADE,
  path text NOT NULL,
  size bigint,
  fingerprint text,
  content_sha256 text,
  kind text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed', 'skipped')),
  events_inserted integer NOT NULL DEFAULT 0,
  events_duplicate integer NOT NULL DEFAULT 0,
  events_rejected integer NOT NULL DEFAULT 0,
  rejects jsonb,
  error text,
  started_at timestamptz(3),
  finished_at timestamptz(3)
);
CREATE INDEX ingest_file_job_id_idx ON ingest_file (job_id, id);
CREATE INDEX ingest_file_done_fingerprint_idx ON ingest_file (fingerprint) WHERE status = 'done';

-- Offline log-file validation: each log file a digest lists, with the hash it promised and the
-- hash of the file we were given (NULL when the file was not in the source).
CREATE TABLE digest_check (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES ingest_job (id) ON DELETE CASCADE,
  account_id text NOT NULL,
  digest_path text NOT NULL,
  subject_path text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('log-file', 'previous-digest')),
  expected_hash text,
  actual_hash text,
  status text NOT NULL CHECK (status IN ('ok', 'mismatch', 'missing')),
  checked_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX digest_check_job_id_idx ON digest_check (job_id, status);

-- Every CloudTrail record, one row per (recipient account, eventID). Partitioned by month of
-- event time; partitions are created on demand by ensure_event_partitions(). The unique key
-- includes the account id, the distribution column a distributed Postgres (Citus) would use.
CREATE TABLE event (
  account_id text NOT NULL,
  event_id text NOT NULL,
  event_time timestamptz(3) NOT NULL,
  region text,
  event_source text,
  service text,
  event_name text,
  event_type text,
  event_category text,
  read_only boolean,
  error_code text,
  principal_key text,
  principal_type text,
  principal_name text,
  principal_arn text,
  principal_account_id text,
  base_role_arn text,
  session_name text,
  access_key_id text,
  session_issuer_arn text,
  mfa_authenticated boolean,
  is_console boolean,
  source_ip inet,
  source_ip_raw text,
  ip_kind text,
  user_agent text,
  ua_family text,
  shared_event_id text,
  request_id text,
  ingest_file_id bigint,
  raw jsonb NOT NULL,
  PRIMARY KEY (account_id, event_id, event_time)
) PARTITION BY RANGE (event_time);

CREATE INDEX event_principal_time_idx ON event (principal_key, event_time);
CREATE INDEX event_name_time_idx ON event (event_name, event_time);
CREATE INDEX event_source_ip_time_idx ON event (source_ip, event_time);
CREATE INDEX event_account_time_idx ON event (account_id, event_time);
CREATE INDEX event_access_key_time_idx ON event (access_key_id, event_time) WHERE access_key_id IS NOT NULL;

-- Creates the monthly partitions covering [from_time, to_time]. Partition DDL takes a strong lock
-- on the parent, so callers run this in its own short transaction, never inside a load.
CREATE FUNCTION ensure_event_partitions(from_time timestamptz, to_time timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  month_start timestamptz := date_trunc('month', from_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  partition_name text;
BEGIN
  PERFORM pg_advisory_xact_lock(7311842002);
  WHILE month_start <= to_time LOOP
    partition_name := format('event_y%sm%s', to_char(month_start AT TIME ZONE 'UTC', 'YYYY'),
                                             to_char(month_start AT TIME ZONE 'UTC', 'MM'));
    IF to_regclass(partition_name) IS NULL THEN
      EXECUTE format(
        'CREATE TABLE %I PARTITION OF event FOR VALUES FROM (%L) TO (%L) WITH (toast_tuple_target = 256)',
        partition_name, month_start, month_start + interval '1 month');
    END IF;
    month_start := month_start + interval '1 month';
  END LOOP;
END;
$$;
