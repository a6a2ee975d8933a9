-- External OAuth's EMAIL_ADDRESS mapping finds a user by EMAIL ignoring case. H2 has no expression index (so no
-- index on LOWER(email)), so the repository stores a comparison key beside EMAIL on every write of a user
-- (catalog.EmailAddresses.comparisonKey) and the lookup is an index search. EMAIL is not unique in Snowflake, nor
-- is the key. V20 (store.UserEmailKeyBackfill, Java) fills the key for the users stored before this version,
-- because SQL's LOWER does not fold case as Java does outside ASCII.
ALTER TABLE users ADD COLUMN email_key VARCHAR(1024);
CREATE INDEX users_email_key ON users (email_key);
