ALTER TABLE "public"."payments" VALIDATE CONSTRAINT "payments_account_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."payments" VALIDATE CONSTRAINT "payments_amount_positive";
