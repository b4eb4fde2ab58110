CREATE TYPE "public"."mood" AS ENUM ('happy', 'sad');
--> statement-breakpoint
CREATE DOMAIN "public"."default_mood" AS "public"."mood" DEFAULT 'happy';
--> statement-breakpoint
CREATE DOMAIN "public"."percent" AS smallint CONSTRAINT "percent_range" CHECK (VALUE BETWEEN 0 AND 100);
--> statement-breakpoint
CREATE DOMAIN "public"."tags" AS text[] CONSTRAINT "tags_short" CHECK (cardinality(VALUE) < 10);
--> statement-breakpoint
CREATE TABLE "public"."posts" (
	"id" bigint NOT NULL,
	"mood" "public"."default_mood" NOT NULL,
	"tags" "public"."tags",
	"progress" "public"."percent" DEFAULT 50 NOT NULL,
	"history" "public"."percent"[] NOT NULL,
	CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);
