-- shale:down of 0001_after

ALTER TABLE "billing"."invoices" SET SCHEMA "public";
--> statement-breakpoint
DROP SCHEMA "billing";
