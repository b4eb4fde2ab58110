SET lock_timeout = '5s';
--> statement-breakpoint
DROP INDEX "users_email_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "auth"."users_handle_key";
