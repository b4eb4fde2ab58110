-- hazard: BACKWARD_INCOMPATIBLE renames table "invoices" to "billing"."invoices": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "invoices" against reads and writes

CREATE SCHEMA "billing";
--> statement-breakpoint
ALTER TABLE "public"."invoices" SET SCHEMA "billing";
