SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "seen_at" timestamptz NOT NULL DEFAULT clock_timestamp();
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "jitter" double precision DEFAULT (random() * 10);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "number" bigserial;
