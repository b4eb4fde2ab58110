SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" RENAME COLUMN "nickname" TO "handle";
