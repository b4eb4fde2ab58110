-- shale:no-transaction
SET lock_timeout = '5s';
BEGIN;
CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");
COMMIT;
REINDEX INDEX CONCURRENTLY "users_email_idx";
BEGIN;
REINDEX INDEX CONCURRENTLY "users_email_idx";
COMMIT;
