-- shale:down of 0001_after

ALTER TYPE "public"."status" ADD VALUE 'review' AFTER 'draft';
--> statement-breakpoint
CREATE TABLE "public"."posts" (
	"id" bigint NOT NULL,
	"status" "public"."status" NOT NULL,
	CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);
