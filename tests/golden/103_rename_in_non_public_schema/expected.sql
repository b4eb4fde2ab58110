-- hazard: BACKWARD_INCOMPATIBLE renames enum "billing"."kind" to "billing"."payment_kind"
-- hazard: BACKWARD_INCOMPATIBLE renames value 'wire' of enum "billing"."payment_kind" to 'bank_transfer'
-- hazard: BACKWARD_INCOMPATIBLE renames table "billing"."charges" to "billing"."payments": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "billing"."charges" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE renames column "billing"."payments"."amount_cents" to "amount_minor": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "billing"."payments" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "billing"."payments" against reads and writes

ALTER TYPE "billing"."kind" RENAME TO "payment_kind";
--> statement-breakpoint
ALTER TYPE "billing"."payment_kind" RENAME VALUE 'wire' TO 'bank_transfer';
--> statement-breakpoint
ALTER TABLE "billing"."charges" RENAME TO "payments";
--> statement-breakpoint
ALTER TABLE "billing"."payments" RENAME COLUMN "amount_cents" TO "amount_minor";
--> statement-breakpoint
ALTER TABLE "billing"."payments" RENAME CONSTRAINT "charges_pkey" TO "payments_pkey";
