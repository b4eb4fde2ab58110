-- shale:down of 0000_after
-- shale:data-loss: drops table "assignments" and all its rows
-- shale:data-loss: drops table "people" and all its rows

ALTER TABLE "public"."assignments" DROP CONSTRAINT "assignments_creator_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."assignments" DROP CONSTRAINT "assignments_editor_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."assignments" DROP CONSTRAINT "assignments_fallback_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."assignments" DROP CONSTRAINT "assignments_owner_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."assignments" DROP CONSTRAINT "assignments_reviewer_id_fkey";
--> statement-breakpoint
DROP TABLE "public"."assignments";
--> statement-breakpoint
DROP TABLE "public"."people";
