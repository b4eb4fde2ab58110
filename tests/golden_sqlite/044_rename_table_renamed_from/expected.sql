-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "accounts"

ALTER TABLE "users" RENAME TO "accounts";
