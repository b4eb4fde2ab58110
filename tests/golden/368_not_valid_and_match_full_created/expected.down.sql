-- shale:down of 0000_after
-- shale:data-loss: drops table "accounts" and all its rows
-- shale:data-loss: drops table "payments" and all its rows

ALTER TABLE "public"."payments" DROP CONSTRAINT "payments_account_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."payments" DROP CONSTRAINT "payments_region_number_fkey";
--> statement-breakpoint
DROP TABLE "public"."accounts";
--> statement-breakpoint
DROP TABLE "public"."payments";
