SET lock_timeout = '5s';
--> statement-breakpoint
CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");
--> statement-breakpoint
DROP INDEX CONCURRENTLY "users_old_idx";
