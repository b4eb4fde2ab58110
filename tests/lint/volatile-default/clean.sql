SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "created_at" timestamptz NOT NULL DEFAULT now();
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "updated_at" timestamptz DEFAULT CURRENT_TIMESTAMP;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "status" text NOT NULL DEFAULT 'active';
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "token" uuid;
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "token" SET DEFAULT gen_random_uuid();
--> statement-breakpoint
CREATE TABLE "teams" ("id" bigint);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();
