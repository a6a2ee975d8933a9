-- Programmatic access tokens: the keyed digest of the secret, never the secret.
CREATE TABLE programmatic_access_tokens (
    id                    VARCHAR(64)  PRIMARY KEY,
    user_name             VARCHAR(255) NOT NULL,
    name                  VARCHAR(255) NOT NULL,
    secret_digest         VARCHAR(128) NOT NULL UNIQUE,
    role_restriction      VARCHAR(255),
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_on            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            VARCHAR(255) NOT NULL,
    comment               VARCHAR(4096),
    disabled              BOOLEAN      NOT NULL,
    mins_to_bypass        INTEGER      NOT NULL,
    rotated_to            VARCHAR(255),
    UNIQUE (user_name, name)
);
