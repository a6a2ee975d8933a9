-- Programmatic access tokens: when the network-policy requirement bypass ends, who changed a token
-- last and when (ACCOUNT_USAGE.CREDENTIALS), and when it last authenticated (written in batches).
ALTER TABLE programmatic_access_tokens ADD COLUMN bypass_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE programmatic_access_tokens ADD COLUMN last_altered_on TIMESTAMP WITH TIME ZONE;
ALTER TABLE programmatic_access_tokens ADD COLUMN last_altered_by VARCHAR(255);
ALTER TABLE programmatic_access_tokens ADD COLUMN last_used_on TIMESTAMP WITH TIME ZONE;
UPDATE programmatic_access_tokens SET last_altered_on = created_on, last_altered_by = created_by;
