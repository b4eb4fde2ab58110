-- hazard: BACKWARD_INCOMPATIBLE renames column "users"."name" to "display_name"

ALTER TABLE "users" RENAME COLUMN "name" TO "display_name";
