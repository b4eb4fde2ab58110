SET lock_timeout = '5s';
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" USING btree ("email");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "users_handle_key" ON "auth"."users" ("handle") WHERE "deleted_at" IS NULL;
