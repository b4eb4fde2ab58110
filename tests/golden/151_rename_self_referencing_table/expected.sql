-- hazard: BACKWARD_INCOMPATIBLE renames table "comments" to "replies": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "comments" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "replies" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "replies" against reads and writes

ALTER TABLE "public"."comments" RENAME TO "replies";
--> statement-breakpoint
ALTER TABLE "public"."replies" RENAME CONSTRAINT "comments_parent_id_fkey" TO "replies_parent_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."replies" RENAME CONSTRAINT "comments_pkey" TO "replies_pkey";
