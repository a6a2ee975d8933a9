-- Databases and schemas as namespaces for schema-level objects and grants, and each session's
-- current database and schema (USE DATABASE / USE SCHEMA).

CREATE TABLE namespaces (
    kind        VARCHAR(16)  NOT NULL,
    name        VARCHAR(600) NOT NULL,
    comment     VARCHAR(4096),
    owner       VARCHAR(255),
    created_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, name)
);

ALTER TABLE sessions ADD COLUMN context_database VARCHAR(255);
ALTER TABLE sessions ADD COLUMN context_schema VARCHAR(255);
