SET lock_timeout = '5s';
--> statement-breakpoint
CREATE TABLE "teams" ("id" bigint, "legacy" text);
--> statement-breakpoint
ALTER TABLE "teams" DROP COLUMN "legacy";
--> statement-breakpoint
-- shale:allow dropping-column: unused since v2, deployed
ALTER TABLE "users" DROP COLUMN "bio";
