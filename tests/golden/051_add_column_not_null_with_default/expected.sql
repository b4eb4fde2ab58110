-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" ADD COLUMN "admin" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "created_at" timestamptz DEFAULT now() NOT NULL;
