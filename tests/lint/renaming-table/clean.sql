SET lock_timeout = '5s';
--> statement-breakpoint
CREATE TABLE "auth"."draft" ("id" bigint);
--> statement-breakpoint
ALTER TABLE "auth"."draft" RENAME TO "teams";
--> statement-breakpoint
-- "auth"."teams" is the table created above, so it is still new
ALTER TABLE "auth"."teams" ADD COLUMN "name" text NOT NULL;
