-- shale:down of 0001_after

ALTER DOMAIN "public"."counter" RENAME TO "counter__previous";
--> statement-breakpoint
CREATE DOMAIN "public"."counter" AS integer;
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "visits" SET DATA TYPE "public"."counter" USING "visits"::integer;
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "history" SET DATA TYPE "public"."counter"[] USING "history"::integer[];
--> statement-breakpoint
DROP DOMAIN "public"."counter__previous";
--> statement-breakpoint
ALTER DOMAIN "public"."zip" RENAME TO "zip__previous";
--> statement-breakpoint
CREATE DOMAIN "public"."zip" AS varchar(5) DEFAULT '-' CONSTRAINT "zip_not_blank" CHECK (VALUE <> '');
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "zip" SET DATA TYPE "public"."zip" USING "zip"::varchar(5);
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "other_zip" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "other_zip" SET DATA TYPE "public"."zip" USING "other_zip"::varchar(5);
--> statement-breakpoint
ALTER TABLE "public"."places" ALTER COLUMN "other_zip" SET DEFAULT '00000';
--> statement-breakpoint
DROP DOMAIN "public"."zip__previous";
