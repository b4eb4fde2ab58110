SET LOCAL lock_timeout TO '2s';
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "team_id" bigint;
