-- Everything that refers to a user refers to its id (V25, filled by V26), no longer to its name: a rename is one
-- row's change, and a user dropped and created again under the same name is a new id that nothing refers to.
-- SQL still names users; the repositories translate (the users table joins id and name). The login history and the
-- "who did it" columns (created_by, last_altered_by, leak_reported_by, granted_by) keep names as they were then:
-- they are audit records, and Snowflake's LOGIN_HISTORY shows USER_NAME as it was at the login.
-- Rows that named no existing user (none should: DROP USER removes them in one transaction) are removed rather than
-- left to refer to nobody.
ALTER TABLE users ALTER COLUMN id SET NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_id UNIQUE (id);

-- Sessions: a foreign key, so a session cannot outlive its user.
ALTER TABLE sessions ADD COLUMN user_id VARCHAR(36);
UPDATE sessions SET user_id = (SELECT u.id FROM users u WHERE u.name = sessions.user_name);
DELETE FROM sessions WHERE user_id IS NULL;
ALTER TABLE sessions ALTER COLUMN user_id SET NOT NULL;
ALTER TABLE sessions ADD CONSTRAINT sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
DROP INDEX sessions_user;
ALTER TABLE sessions DROP COLUMN user_name;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Programmatic access tokens: likewise; a token's name is unique per user id. V28 drops user_name (H2 keeps the
-- unnamed UNIQUE (user_name, name) of V10 and refuses to drop the column under it, so Java finds it by name).
ALTER TABLE programmatic_access_tokens ADD COLUMN user_id VARCHAR(36);
UPDATE programmatic_access_tokens SET user_id =
    (SELECT u.id FROM users u WHERE u.name = programmatic_access_tokens.user_name);
DELETE FROM programmatic_access_tokens WHERE user_id IS NULL;
ALTER TABLE programmatic_access_tokens ALTER COLUMN user_id SET NOT NULL;
ALTER TABLE programmatic_access_tokens ADD CONSTRAINT tokens_user
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE programmatic_access_tokens ADD CONSTRAINT tokens_user_and_name UNIQUE (user_id, name);

-- Grants and policy attachments refer to users and to other things (roles, the account) through one column, so a
-- foreign key cannot say which: for kind USER the column holds the user's id from now on (its name stays the
-- column's name, as for the other kinds), and DROP USER deletes those rows with the user. The indexes of V4 and V23
-- (role_grants_by_grantee, privilege_grants_by_object, policy_attachments' primary key) serve ids as they did names.
DELETE FROM role_grants WHERE grantee_kind = 'USER'
    AND NOT EXISTS (SELECT 1 FROM users u WHERE u.name = role_grants.grantee_name);
UPDATE role_grants SET grantee_name = (SELECT u.id FROM users u WHERE u.name = role_grants.grantee_name)
    WHERE grantee_kind = 'USER';

-- A privilege ON USER without a name (APPLY AUTHENTICATION POLICY ON USER: on every user) names no user and stays ''.
DELETE FROM privilege_grants WHERE object_kind = 'USER' AND object_name <> ''
    AND NOT EXISTS (SELECT 1 FROM users u WHERE u.name = privilege_grants.object_name);
UPDATE privilege_grants SET object_name = (SELECT u.id FROM users u WHERE u.name = privilege_grants.object_name)
    WHERE object_kind = 'USER' AND object_name <> '';

DELETE FROM policy_attachments WHERE target_kind = 'USER'
    AND NOT EXISTS (SELECT 1 FROM users u WHERE u.name = policy_attachments.target_name);
UPDATE policy_attachments SET target_name = (SELECT u.id FROM users u WHERE u.name = policy_attachments.target_name)
    WHERE target_kind = 'USER';
