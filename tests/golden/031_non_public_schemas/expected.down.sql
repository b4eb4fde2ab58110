-- shale:down of 0000_after
-- shale:data-loss: drops table "billing"."invoices" and all its rows
-- shale:data-loss: drops table "billing"."payments" and all its rows
-- shale:data-loss: drops table "customers" and all its rows

ALTER TABLE "billing"."invoices" DROP CONSTRAINT "invoices_customer_id_fkey";
--> statement-breakpoint
ALTER TABLE "billing"."payments" DROP CONSTRAINT "payments_invoice_id_fkey";
--> statement-breakpoint
DROP TABLE "billing"."invoices";
--> statement-breakpoint
DROP TABLE "billing"."payments";
--> statement-breakpoint
DROP TABLE "public"."customers";
--> statement-breakpoint
DROP TYPE "billing"."invoice_status";
--> statement-breakpoint
DROP SCHEMA "billing";
