-- shale:down of 0001_after

ALTER TYPE "billing"."payment_kind" RENAME TO "kind";
--> statement-breakpoint
ALTER TYPE "billing"."kind" RENAME VALUE 'bank_transfer' TO 'wire';
--> statement-breakpoint
ALTER TABLE "billing"."payments" RENAME TO "charges";
--> statement-breakpoint
ALTER TABLE "billing"."charges" RENAME COLUMN "amount_minor" TO "amount_cents";
--> statement-breakpoint
ALTER TABLE "billing"."charges" RENAME CONSTRAINT "payments_pkey" TO "charges_pkey";
