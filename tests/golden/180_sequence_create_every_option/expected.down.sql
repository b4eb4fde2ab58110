-- shale:down of 0000_after
-- shale:data-loss: drops table "billing"."invoices" and all its rows
-- shale:data-loss: drops sequence "countdown" and its current value

DROP TABLE "billing"."invoices";
--> statement-breakpoint
DROP SEQUENCE "public"."countdown";
--> statement-breakpoint
DROP SCHEMA "billing";
