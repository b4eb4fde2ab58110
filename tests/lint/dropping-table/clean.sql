SET lock_timeout = '5s';
--> statement-breakpoint
CREATE TABLE "scratch" ("id" bigint);
--> statement-breakpoint
DROP TABLE "scratch";
--> statement-breakpoint
DROP TABLE "old_sessions"; -- shale:allow dropping-table
