-- State of the detection runner (lib/detections/runner): the first-seen baseline it maintains
-- and which ingest jobs it has analysed.

-- Every value a first-seen rule has met, per scope key (a principal key, or the account id for
-- account-scoped rules), with the first and last time it was seen. `value` is namespaced by the
-- rule's feature ("region:ap-east-1"). Kept by the runner so that an incremental run judges new
-- events against all history without re-reading it; `analyze --full` rebuilds it.
CREATE TABLE detection_baseline (
  account_id text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('principal', 'account')),
  scope_key text NOT NULL,
  value text NOT NULL,
  first_seen timestamptz(3) NOT NULL,
  last_seen timestamptz(3) NOT NULL,
  PRIMARY KEY (account_id, scope, scope_key, value)
);

-- The analysis watermark: a job listed here has had its events through the rules. `analyze`
-- without --full picks up the jobs missing here (a job whose after-ingest step failed, say).
CREATE TABLE detection_job (
  job_id bigint PRIMARY KEY REFERENCES ingest_job (id) ON DELETE CASCADE,
  events_evaluated integer NOT NULL,
  findings_touched integer NOT NULL,
  analyzed_at timestamptz(3) NOT NULL DEFAULT now()
);
