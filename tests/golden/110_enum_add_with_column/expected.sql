-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

CREATE TYPE "public"."plan" AS ENUM ('free', 'team', 'enterprise');
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "plan" "public"."plan" DEFAULT 'free' NOT NULL;
