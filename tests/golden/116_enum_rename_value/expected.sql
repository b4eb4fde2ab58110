-- hazard: BACKWARD_INCOMPATIBLE renames value 'review' of enum "status" to 'in_review'

ALTER TYPE "public"."status" RENAME VALUE 'review' TO 'in_review';
