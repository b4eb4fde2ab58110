SET lock_timeout = '5s';
--> statement-breakpoint
DROP TABLE "sessions";
--> statement-breakpoint
DROP TABLE IF EXISTS "audit"."events", "tokens" CASCADE;
