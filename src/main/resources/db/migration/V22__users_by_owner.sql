-- SHOW USERS for a role without account-wide MONITOR lists the users its roles own: found by index,
-- so its cost follows what the role may see rather than how many users the account has.
CREATE INDEX users_by_owner ON users (owner);
