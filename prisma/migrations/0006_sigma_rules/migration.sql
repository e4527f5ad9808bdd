-- Imported Sigma rules (lib/detections/sigma). The YAML is the rule: it is kept as uploaded and
-- compiled again whenever rules are loaded, so a compiler fix applies to rules already stored and
-- nothing derived can drift from the source. title and severity are copies for listing.

CREATE TABLE sigma_rule (
  -- "sigma:<sigma id>", or "sigma:<hash>" for a rule without an id; finding.rule_id of its findings.
  rule_id text PRIMARY KEY CHECK (rule_id LIKE 'sigma:%'),
  sigma_id text,
  title text NOT NULL,
  -- null while the rule does not compile.
  severity text CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
  file_name text NOT NULL,
  source_yaml text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  -- Why the stored YAML did not compile at its last import; null when it did.
  last_error text,
  uploaded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  uploaded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX sigma_rule_uploaded_idx ON sigma_rule (uploaded_at DESC);
