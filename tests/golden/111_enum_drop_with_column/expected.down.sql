-- shale:down of 0001_after

CREATE TYPE "public"."status" AS ENUM ('draft', 'review', 'published');
--> statement-breakpoint
ALTER TABLE "public"."pages" ADD COLUMN "status" "public"."status" DEFAULT 'draft' NOT NULL;
