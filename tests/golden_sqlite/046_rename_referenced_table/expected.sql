-- hazard: BACKWARD_INCOMPATIBLE renames table "orgs" to "organisations"

ALTER TABLE "orgs" RENAME TO "organisations";
