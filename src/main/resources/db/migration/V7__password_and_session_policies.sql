-- Password and session policies: whole-number parameters kept as one JSON object; only the ones set.
CREATE TABLE parameter_policies (
    kind           VARCHAR(16)  NOT NULL,
    name           VARCHAR(255) NOT NULL,
    database_name  VARCHAR(255),
    schema_name    VARCHAR(255),
    parameter_values VARCHAR(4096) NOT NULL,
    comment        VARCHAR(4096),
    owner          VARCHAR(255),
    created_on     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, name)
);

INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, grant_option, granted_by, created_on) VALUES
    ('CREATE PASSWORD POLICY', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP),
    ('CREATE SESSION POLICY', 'ACCOUNT', '', 'SECURITYADMIN', TRUE, NULL, CURRENT_TIMESTAMP);
