-- Key-pair login: each user has two public-key slots (RSA_PUBLIC_KEY, RSA_PUBLIC_KEY_2) so a key can be
-- rotated without downtime. A key is stored as Base64 DER SubjectPublicKeyInfo (public, not a secret),
-- with the credential id ACCOUNT_USAGE.CREDENTIALS shows and when it was set.
ALTER TABLE users ADD COLUMN rsa_public_key VARCHAR(4096);
ALTER TABLE users ADD COLUMN rsa_public_key_id VARCHAR(64);
ALTER TABLE users ADD COLUMN rsa_public_key_set_on TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN rsa_public_key_2 VARCHAR(4096);
ALTER TABLE users ADD COLUMN rsa_public_key_2_id VARCHAR(64);
ALTER TABLE users ADD COLUMN rsa_public_key_2_set_on TIMESTAMP WITH TIME ZONE;
