-- hazard: BACKWARD_INCOMPATIBLE renames table "schedules" to "timetables": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "schedules" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "timetables" against reads and writes
-- hazard: DELETES_DATA removes value 'tue' from enum "weekday": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'tue' to enum "weekday" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "timetables" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "timetables" to convert column "timetables"."days" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "timetables" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "timetables" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "timetables" to convert column "timetables"."first_day" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "timetables" against reads and writes

ALTER TABLE "public"."schedules" RENAME TO "timetables";
--> statement-breakpoint
ALTER TABLE "public"."timetables" RENAME CONSTRAINT "schedules_pkey" TO "timetables_pkey";
--> statement-breakpoint
ALTER TYPE "public"."weekday" RENAME TO "weekday__previous";
--> statement-breakpoint
CREATE TYPE "public"."weekday" AS ENUM ('mon', 'wed');
--> statement-breakpoint
ALTER TABLE "public"."timetables" ALTER COLUMN "days" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."timetables" ALTER COLUMN "days" SET DATA TYPE "public"."weekday"[] USING "days"::text[]::"public"."weekday"[];
--> statement-breakpoint
ALTER TABLE "public"."timetables" ALTER COLUMN "days" SET DEFAULT '{mon}';
--> statement-breakpoint
ALTER TABLE "public"."timetables" ALTER COLUMN "first_day" SET DATA TYPE "public"."weekday" USING "first_day"::text::"public"."weekday";
--> statement-breakpoint
DROP TYPE "public"."weekday__previous";
