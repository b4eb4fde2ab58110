-- shale:no-transaction
SET lock_timeout = '5s';
--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY "users_email_key" ON "users" ("email");
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_key" UNIQUE USING INDEX "users_email_key";
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_pkey" PRIMARY KEY USING INDEX "accounts_id_key";
--> statement-breakpoint
CREATE TABLE "teams" ("id" bigint, "slug" text);
--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_slug_key" UNIQUE ("slug");
