SELECT set_config('lock_timeout', '3s', true);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "note" text;
