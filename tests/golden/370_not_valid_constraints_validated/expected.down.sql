-- shale:down of 0001_after

ALTER TABLE "public"."payments" DROP CONSTRAINT "payments_account_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."payments" DROP CONSTRAINT "payments_amount_positive";
--> statement-breakpoint
ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_amount_positive" CHECK (amount > 0) NOT VALID;
--> statement-breakpoint
ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") NOT VALID;
