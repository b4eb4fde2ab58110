-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "payments" against reads and writes

ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_amount_positive" CHECK (amount > 0) NOT VALID;
--> statement-breakpoint
ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") NOT VALID;
