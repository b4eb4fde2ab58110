-- hazard: BACKWARD_INCOMPATIBLE renames enum "weekday" to "day_of_week"
-- hazard: DELETES_DATA removes value 'wed' from enum "day_of_week": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'wed' to enum "day_of_week" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "schedules" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "schedules" to convert column "schedules"."days" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "schedules" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "schedules" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "schedules" to convert column "schedules"."first_day" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "schedules" against reads and writes

ALTER TYPE "public"."weekday" RENAME TO "day_of_week";
--> statement-breakpoint
ALTER TYPE "public"."day_of_week" RENAME TO "day_of_week__previous";
--> statement-breakpoint
CREATE TYPE "public"."day_of_week" AS ENUM ('mon', 'tue');
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "days" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "days" SET DATA TYPE "public"."day_of_week"[] USING "days"::text[]::"public"."day_of_week"[];
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "days" SET DEFAULT '{mon,tue}';
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "first_day" SET DATA TYPE "public"."day_of_week" USING "first_day"::text::"public"."day_of_week";
--> statement-breakpoint
DROP TYPE "public"."day_of_week__previous";
