-- hazard: DELETES_DATA removes value 'wed' from enum "weekday": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'wed' to enum "weekday" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "schedules" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "schedules" to convert column "schedules"."days" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "schedules" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "schedules" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "schedules" to convert column "schedules"."first_day" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "schedules" against reads and writes

ALTER TYPE "public"."weekday" RENAME TO "weekday__previous";
--> statement-breakpoint
CREATE TYPE "public"."weekday" AS ENUM ('mon', 'tue');
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "days" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "days" SET DATA TYPE "public"."weekday"[] USING "days"::text[]::"public"."weekday"[];
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "days" SET DEFAULT '{mon,tue}';
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "first_day" SET DATA TYPE "public"."weekday" USING "first_day"::text::"public"."weekday";
--> statement-breakpoint
DROP TYPE "public"."weekday__previous";
