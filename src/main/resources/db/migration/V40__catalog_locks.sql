-- Rows that units of work lock (SELECT ... FOR UPDATE) to take turns on a decision spanning several
-- objects, where no single object's row would do: NETWORK_POLICIES serialises changes of network rules,
-- network policies and their attachments, so the lock-out guard judges each against what the previous
-- one committed.
CREATE TABLE catalog_locks (
    name VARCHAR(64) PRIMARY KEY
);

INSERT INTO catalog_locks (name) VALUES ('NETWORK_POLICIES');
