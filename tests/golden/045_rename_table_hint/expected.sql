-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "members": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes

ALTER TABLE "public"."users" RENAME TO "members";
--> statement-breakpoint
ALTER TABLE "public"."members" RENAME CONSTRAINT "users_pkey" TO "members_pkey";
