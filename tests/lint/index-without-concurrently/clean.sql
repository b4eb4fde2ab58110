-- shale:no-transaction
SET lock_timeout = '5s';
--> statement-breakpoint
CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" USING btree ("email");
--> statement-breakpoint
CREATE TABLE "teams" ("id" bigint, "name" text);
--> statement-breakpoint
CREATE INDEX "teams_name_idx" ON "teams" ("name");
