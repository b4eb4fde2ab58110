-- shale:down of 0001_after

CREATE TYPE "public"."status" AS ENUM ('draft', 'review', 'published');
--> statement-breakpoint
CREATE TABLE "public"."pages" (
	"id" bigint NOT NULL,
	"status" "public"."status" DEFAULT 'draft' NOT NULL,
	CONSTRAINT "pages_pkey" PRIMARY KEY ("id")
);
