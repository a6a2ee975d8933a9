-- The credential a session was opened with (a programmatic access token's id), so that the sessions of
-- a token reported leaked can be ended.
ALTER TABLE sessions ADD COLUMN credential_id VARCHAR(64);
CREATE INDEX sessions_by_credential ON sessions (credential_id);
