-- When a session last did something, for session policies' idle timeout (kept to the minute).
ALTER TABLE sessions ADD COLUMN last_activity TIMESTAMP WITH TIME ZONE;
