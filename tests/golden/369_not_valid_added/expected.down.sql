-- shale:down of 0001_after

ALTER TABLE "public"."payments" DROP CONSTRAINT "payments_account_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."payments" DROP CONSTRAINT "payments_amount_positive";
