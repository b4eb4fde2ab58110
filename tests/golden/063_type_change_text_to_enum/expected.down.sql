-- shale:down of 0001_after

ALTER TABLE "public"."tasks" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."tasks" ALTER COLUMN "status" SET DATA TYPE text USING "status"::text;
--> statement-breakpoint
ALTER TABLE "public"."tasks" ALTER COLUMN "status" SET DEFAULT 'todo';
--> statement-breakpoint
DROP TYPE "public"."task_status";
