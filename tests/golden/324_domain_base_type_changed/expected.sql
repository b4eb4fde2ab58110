-- hazard: TABLE_REWRITE rewrites table "places" to convert column "places"."visits" to the new domain "counter"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "places" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "places" to convert column "places"."history" to the new domain "counter"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "places" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "places" to convert column "places"."zip" to the new domain "zip"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "places" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "places" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "places" to convert column "places"."other_zip" to the new domain "zip"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "places" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "places" against reads and writes

ALTER DOMAIN "public"."counter" RENAME TO "counter__previous";
--> statement-breakpoint
CREATE DOMAIN "public"."counter" AS bigint;
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "visits" SET DATA TYPE "public"."counter" USING "visits"::bigint;
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "history" SET DATA TYPE "public"."counter"[] USING "history"::bigint[];
--> statement-breakpoint
DROP DOMAIN "public"."counter__previous";
--> statement-breakpoint
ALTER DOMAIN "public"."zip" RENAME TO "zip__previous";
--> statement-breakpoint
CREATE DOMAIN "public"."zip" AS varchar(10) DEFAULT '-' CONSTRAINT "zip_not_blank" CHECK (VALUE <> '');
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "zip" SET DATA TYPE "public"."zip" USING "zip"::varchar(10);
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "other_zip" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "other_zip" SET DATA TYPE "public"."zip" USING "other_zip"::varchar(10);
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "other_zip" SET DEFAULT '00000';
--> statement-breakpoint
DROP DOMAIN "public"."zip__previous";
