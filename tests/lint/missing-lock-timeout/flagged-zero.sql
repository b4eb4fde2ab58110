SET lock_timeout = 0;
--> statement-breakpoint
DROP INDEX "users_email_idx";
