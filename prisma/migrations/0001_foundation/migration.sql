-- Accounts, sessions, login throttling and the audit log.
CREATE TYPE "Role" AS ENUM ('admin', 'analyst', 'viewer');

CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text,
  role "Role" NOT NULL DEFAULT 'viewer',
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_login_at timestamptz(3)
);

CREATE TABLE app_session (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  revoked_at timestamptz(3),
  user_agent text,
  ip text
);
CREATE INDEX app_session_user_id_idx ON app_session (user_id);

CREATE TABLE login_failure (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  ip text,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_email_created_at_idx ON login_failure (email, created_at);
CREATE INDEX login_failure_ip_created_at_idx ON login_failure (ip, created_at);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz(3) NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_email text,
  action text NOT NULL,
  target_type text,
  target_id text,
  detail jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
