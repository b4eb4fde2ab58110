-- shale:down of 0001_after
-- shale:data-loss: drops table "regions" and all its rows
-- shale:data-loss: drops column "projects"."region"

ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_region_fkey";
--> statement-breakpoint
DROP TABLE "public"."regions";
--> statement-breakpoint
ALTER TABLE "public"."projects" DROP COLUMN "region";
