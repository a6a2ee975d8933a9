-- Security integrations of every type. The type's own parameters (only those that were set;
-- unset ones take the defaults the type declares) are one JSON object: name -> list of strings.
CREATE TABLE security_integrations (
    name              VARCHAR(255) PRIMARY KEY,
    integration_type  VARCHAR(64)  NOT NULL,
    enabled           BOOLEAN      NOT NULL,
    comment           VARCHAR(4096),
    owner             VARCHAR(255),
    created_on        TIMESTAMP WITH TIME ZONE NOT NULL,
    parameters        VARCHAR(1000000) NOT NULL
);
