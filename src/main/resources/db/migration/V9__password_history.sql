-- Hashes of a user's previous passwords, newest first, one per line (for PASSWORD_HISTORY).
ALTER TABLE users ADD COLUMN password_history VARCHAR(20000);
