-- shale:down of 0000_after
-- shale:data-loss: drops table "tasks" and all its rows

DROP TABLE "public"."tasks";
--> statement-breakpoint
DROP TYPE "public"."task_status";
