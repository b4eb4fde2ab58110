-- hazard: BACKWARD_INCOMPATIBLE renames enum "status" to "page_status"

ALTER TYPE "public"."status" RENAME TO "page_status";
