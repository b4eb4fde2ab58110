CREATE TYPE "public"."color" AS ENUM ('red', 'green', 'blue');
--> statement-breakpoint
CREATE TABLE "public"."palettes" (
	"id" bigint NOT NULL,
	"tags" text[] NOT NULL,
	"scores" integer[] NOT NULL,
	"grid" bigint[][] NOT NULL,
	"owners" uuid[],
	"colors" "public"."color"[] NOT NULL,
	"blob" bytea NOT NULL,
	CONSTRAINT "palettes_pkey" PRIMARY KEY ("id")
);
