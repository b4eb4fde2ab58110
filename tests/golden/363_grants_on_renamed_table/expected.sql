-- hazard: BACKWARD_INCOMPATIBLE renames table "people" to "users": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "people" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."people" RENAME TO "users";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "people_pkey" TO "users_pkey";
--> statement-breakpoint
GRANT INSERT ON TABLE "public"."users" TO "app_rw";
