-- Snowflake's system roles, their hierarchy and their account privileges. PUBLIC is granted to
-- every user and role implicitly (in the access-control code), so it needs no grant rows.

INSERT INTO roles (name, comment, owner, created_on) VALUES
    ('ACCOUNTADMIN', 'Account administrator can manage all aspects of the account.', NULL, CURRENT_TIMESTAMP),
    ('SECURITYADMIN', 'Security administrator can manage security aspects of the account.', NULL, CURRENT_TIMESTAMP),
    ('USERADMIN', 'User administrator can create and manage users and roles', NULL, CURRENT_TIMESTAMP),
    ('SYSADMIN', 'System administrator can create and manage databases and warehouses.', NULL, CURRENT_TIMESTAMP),
    ('PUBLIC', 'Public role is automatically available to every user in the account.', NULL, CURRENT_TIMESTAMP);

INSERT INTO role_grants (role_name, grantee_kind, grantee_name, granted_by, created_on) VALUES
    ('SECURITYADMIN', 'ROLE', 'ACCOUNTADMIN', NULL, CURRENT_TIMESTAMP),
    ('SYSADMIN', 'ROLE', 'ACCOUNTADMIN', NULL, CURRENT_TIMESTAMP),
    ('USERADMIN', 'ROLE', 'SECURITYADMIN', NULL, CURRENT_TIMESTAMP);

INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, grant_option, granted_by, created_on) VALUES
    ('CREATE USER', 'ACCOUNT', '', 'USERADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('CREATE ROLE', 'ACCOUNT', '', 'USERADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('MANAGE GRANTS', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('APPLY AUTHENTICATION POLICY', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('APPLY PASSWORD POLICY', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('APPLY SESSION POLICY', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('CREATE NETWORK POLICY', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('CREATE DATABASE', 'ACCOUNT', '', 'SYSADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('CREATE WAREHOUSE', 'ACCOUNT', '', 'SYSADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('CREATE INTEGRATION', 'ACCOUNT', '', 'ACCOUNTADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('MONITOR', 'ACCOUNT', '', 'ACCOUNTADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('MONITOR SECURITY', 'ACCOUNT', '', 'ACCOUNTADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('APPLY NETWORK POLICY', 'ACCOUNT', '', 'ACCOUNTADMIN', TRUE, NULL, CURRENT_TIMESTAMP);
