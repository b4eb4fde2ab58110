-- hazard: BACKWARD_INCOMPATIBLE renames table "orgs" to "organisations": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orgs" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "organisations" against reads and writes

ALTER TABLE "public"."orgs" RENAME TO "organisations";
--> statement-breakpoint
ALTER TABLE "public"."organisations" RENAME CONSTRAINT "orgs_pkey" TO "organisations_pkey";
