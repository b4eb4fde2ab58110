-- hazard: BACKWARD_INCOMPATIBLE renames value 'review' of enum "status" to 'pending'

ALTER TYPE "public"."status" RENAME VALUE 'review' TO 'pending';
