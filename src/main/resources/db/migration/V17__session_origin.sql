-- What a session's credential allows after login: whether its roles may be switched (a PAT's role
-- restriction, an External OAuth scope role) and the integration's network policy, which beats the
-- user's and the account's for every request of the session.
ALTER TABLE sessions ADD COLUMN role_switching VARCHAR(16) DEFAULT 'FREE' NOT NULL;
ALTER TABLE sessions ADD COLUMN integration_network_policy VARCHAR(255);
