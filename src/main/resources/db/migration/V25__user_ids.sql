-- Users get an immutable id (catalog.UserId: a random UUID, 36 lower-case characters), which SCIM and the console
-- address them by and which every table that refers to a user is keyed by (V27), so a rename changes one row.
-- Nullable until V26 (store.UserIdBackfill, Java) has drawn one for every user stored before this version.
ALTER TABLE users ADD COLUMN id VARCHAR(36);
