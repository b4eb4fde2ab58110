SET lock_timeout = '5s';
--> statement-breakpoint
-- shale:allow droping-table
DROP TABLE "sessions";
