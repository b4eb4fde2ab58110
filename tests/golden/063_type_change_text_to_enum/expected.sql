-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "tasks" against reads and writes
-- hazard: DELETES_DATA changes column "tasks"."status" from text to task_status, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "tasks"."status" from text to task_status
-- hazard: TABLE_REWRITE rewrites table "tasks" to change column "tasks"."status" to task_status
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "tasks" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "tasks" against reads and writes

CREATE TYPE "public"."task_status" AS ENUM ('todo', 'done');
--> statement-breakpoint
ALTER TABLE "public"."tasks" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."tasks" ALTER COLUMN "status" SET DATA TYPE "public"."task_status" USING "status"::"public"."task_status";
--> statement-breakpoint
ALTER TABLE "public"."tasks" ALTER COLUMN "status" SET DEFAULT 'todo';
