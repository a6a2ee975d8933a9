-- Expiry notices of programmatic access tokens, one row per (token, expiry, threshold) that was sent.
-- The primary key is the claim: of several nodes (or restarts) only the first insert wins. The expiry is
-- part of the key because ROTATE gives the same token id a new expiry, which deserves its own notices.
-- Rows go with their token (removed, or deleted by the clean-up job).
CREATE TABLE token_expiry_notifications (
    token_id              VARCHAR(64)  NOT NULL REFERENCES programmatic_access_tokens (id) ON DELETE CASCADE,
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    threshold_days        INTEGER      NOT NULL,
    claimed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (token_id, expires_at, threshold_days)
);

-- The clean-up (expires_at < now - 7 days), the expiring-soon scan and the active count are range scans.
CREATE INDEX programmatic_access_tokens_expires_at ON programmatic_access_tokens (expires_at);
