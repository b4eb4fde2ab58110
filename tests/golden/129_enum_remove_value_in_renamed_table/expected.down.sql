-- shale:down of 0001_after

ALTER TYPE "public"."weekday" ADD VALUE 'tue' AFTER 'mon';
--> statement-breakpoint
ALTER TABLE "public"."timetables" RENAME TO "schedules";
--> statement-breakpoint
ALTER TABLE "public"."schedules" RENAME CONSTRAINT "timetables_pkey" TO "schedules_pkey";
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "days" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."schedules" ALTER COLUMN "days" SET DEFAULT '{mon,tue}';
