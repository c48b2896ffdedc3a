-- Accounts have a lifecycle: an admin disables (and enables) them, and a password change or reset
-- ends every token issued before it. Tokens carry the credentials version they were issued under;
-- one of an older version, or of a disabled account, is refused at its next request.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN credentials_version INTEGER NOT NULL DEFAULT 0;
