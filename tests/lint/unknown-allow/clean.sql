SET lock_timeout = '5s';
--> statement-breakpoint
-- shale:allow dropping-table
DROP TABLE "sessions";
