-- hazard: BACKWARD_INCOMPATIBLE renames enum "status" to "state"

ALTER TYPE "public"."status" RENAME TO "state";
