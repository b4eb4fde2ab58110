-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "payments" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "payments" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "payments" against reads and writes

ALTER TABLE "public"."payments" DROP CONSTRAINT "payments_account_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."payments" DROP CONSTRAINT "payments_amount_positive";
--> statement-breakpoint
ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_amount_positive" CHECK (amount > 0);
--> statement-breakpoint
ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id");
