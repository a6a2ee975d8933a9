-- Network rules, network policies, account parameters, and the user-level network policy.
-- Lists are stored one entry per line: entries (addresses, rule names) never contain a newline.

CREATE TABLE network_rules (
    name           VARCHAR(255) PRIMARY KEY,
    database_name  VARCHAR(255),
    schema_name    VARCHAR(255),
    rule_type      VARCHAR(32)  NOT NULL,
    rule_mode      VARCHAR(32)  NOT NULL,
    value_list     VARCHAR(1000000) NOT NULL,
    comment        VARCHAR(4096),
    owner          VARCHAR(255),
    created_on     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE network_policies (
    name                       VARCHAR(255) PRIMARY KEY,
    allowed_network_rule_list  VARCHAR(1000000) NOT NULL,
    blocked_network_rule_list  VARCHAR(1000000) NOT NULL,
    allowed_ip_list            VARCHAR(1000000) NOT NULL,
    blocked_ip_list            VARCHAR(1000000) NOT NULL,
    comment                    VARCHAR(4096),
    owner                      VARCHAR(255),
    created_on                 TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE account_parameters (
    name   VARCHAR(255) PRIMARY KEY,
    parameter_value  VARCHAR(4096) NOT NULL
);

ALTER TABLE users ADD COLUMN network_policy VARCHAR(255);

INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, grant_option, granted_by, created_on) VALUES
    ('CREATE NETWORK RULE', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('ATTACH POLICY', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP);
