-- hazard: BACKWARD_INCOMPATIBLE renames column "users"."name" to "full_name": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" RENAME COLUMN "name" TO "full_name";
