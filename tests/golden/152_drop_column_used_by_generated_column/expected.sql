-- hazard: DELETES_DATA drops column "products"."gross_cents"
-- hazard: BACKWARD_INCOMPATIBLE code using column "products"."gross_cents" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "products" against reads and writes
-- hazard: DELETES_DATA drops column "products"."vat_cents"
-- hazard: BACKWARD_INCOMPATIBLE code using column "products"."vat_cents" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "products" against reads and writes

ALTER TABLE "public"."products" DROP COLUMN "gross_cents";
--> statement-breakpoint
ALTER TABLE "public"."products" DROP COLUMN "vat_cents";
