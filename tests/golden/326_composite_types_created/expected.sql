CREATE SCHEMA "geo";
--> statement-breakpoint
CREATE TYPE "public"."kind" AS ENUM ('home', 'work');
--> statement-breakpoint
CREATE DOMAIN "public"."zip" AS text CONSTRAINT "zip_digits" CHECK (VALUE ~ '^[0-9]+$');
--> statement-breakpoint
CREATE TYPE "public"."address" AS ("street" text, "zip" "public"."zip", "kind" "public"."kind", "lines" varchar(80)[]);
--> statement-breakpoint
CREATE TYPE "geo"."located" AS ("address" "public"."address", "lat" double precision, "lon" double precision);
--> statement-breakpoint
CREATE TABLE "public"."people" (
	"id" bigint NOT NULL,
	"home" "public"."address",
	"others" "public"."address"[] NOT NULL,
	"spot" "geo"."located",
	CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
COMMENT ON TYPE "public"."address" IS 'A postal address.';
