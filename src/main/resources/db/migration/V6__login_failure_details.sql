-- The reason of a failed login that is reported with a uuid, for SYSTEM$GET_LOGIN_FAILURE_DETAILS.
ALTER TABLE login_history ADD COLUMN error_details VARCHAR(4096);
CREATE INDEX login_history_failure ON login_history (failure_uuid);
