-- APPLY NETWORK POLICY is not a Snowflake privilege and nothing checked it; activating a network policy
-- for the account needs ATTACH POLICY (now grantable). The seeded ACCOUNTADMIN row goes (ACCOUNTADMIN holds
-- ATTACH POLICY through SECURITYADMIN); a role an administrator granted it to keeps the intent as ATTACH POLICY.
DELETE FROM privilege_grants
 WHERE privilege = 'APPLY NETWORK POLICY' AND role_name = 'ACCOUNTADMIN' AND granted_by IS NULL;
INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, grant_option, granted_by, created_on)
SELECT 'ATTACH POLICY', object_kind, object_name, role_name, grant_option, granted_by, created_on
  FROM privilege_grants old_grant
 WHERE old_grant.privilege = 'APPLY NETWORK POLICY'
   AND NOT EXISTS (SELECT 1 FROM privilege_grants existing
                    WHERE existing.privilege = 'ATTACH POLICY' AND existing.object_kind = old_grant.object_kind
                      AND existing.object_name = old_grant.object_name AND existing.role_name = old_grant.role_name);
DELETE FROM privilege_grants WHERE privilege = 'APPLY NETWORK POLICY';
