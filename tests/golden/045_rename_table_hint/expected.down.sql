-- shale:down of 0001_after

ALTER TABLE "public"."members" RENAME TO "users";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "members_pkey" TO "users_pkey";
