-- Authentication policies (their properties as one JSON document), and where policies of every
-- kind are attached: the account, the account for one user type, or a user.

CREATE TABLE authentication_policies (
    name           VARCHAR(255) PRIMARY KEY,
    database_name  VARCHAR(255),
    schema_name    VARCHAR(255),
    definition     VARCHAR(1000000) NOT NULL,
    comment        VARCHAR(4096),
    owner          VARCHAR(255),
    created_on     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE policy_attachments (
    policy_kind   VARCHAR(32)  NOT NULL,
    target_kind   VARCHAR(32)  NOT NULL,
    target_name   VARCHAR(255) NOT NULL,
    policy_name   VARCHAR(255) NOT NULL,
    PRIMARY KEY (policy_kind, target_kind, target_name)
);

INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, grant_option, granted_by, created_on) VALUES
    ('CREATE AUTHENTICATION POLICY', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP);
