-- shale:down of 0001_after

ALTER TABLE "public"."replies" RENAME TO "comments";
--> statement-breakpoint
ALTER TABLE "public"."comments" RENAME CONSTRAINT "replies_parent_id_fkey" TO "comments_parent_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."comments" RENAME CONSTRAINT "replies_pkey" TO "comments_pkey";
