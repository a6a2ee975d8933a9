-- Leaked-token reports (POST /api/v2/leaked-tokens, beyond Snowflake): who reported a token, when, and
-- where it was seen. A reported token is also set DISABLED. REPORT LEAKED TOKENS is an account
-- privilege held by SECURITYADMIN (and so ACCOUNTADMIN).
ALTER TABLE programmatic_access_tokens ADD COLUMN leak_reported_by VARCHAR(255);
ALTER TABLE programmatic_access_tokens ADD COLUMN leak_reported_on TIMESTAMP WITH TIME ZONE;
ALTER TABLE programmatic_access_tokens ADD COLUMN leak_source VARCHAR(1000);

INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, grant_option, granted_by, created_on) VALUES
    ('REPORT LEAKED TOKENS', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP);
