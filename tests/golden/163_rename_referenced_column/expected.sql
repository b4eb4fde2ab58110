-- hazard: BACKWARD_INCOMPATIBLE renames column "orgs"."code" to "slug": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orgs" against reads and writes

ALTER TABLE "public"."orgs" RENAME COLUMN "code" TO "slug";
