-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "members"

ALTER TABLE "users" RENAME TO "members";
