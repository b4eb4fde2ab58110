-- hazard: BACKWARD_INCOMPATIBLE renames column "orgs"."code" to "slug"

ALTER TABLE "orgs" RENAME COLUMN "code" TO "slug";
