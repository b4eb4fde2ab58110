-- shale:down of 0001_after

ALTER SEQUENCE "billing"."invoice_numbers" SET SCHEMA "public";
--> statement-breakpoint
ALTER SEQUENCE "public"."invoice_numbers" RENAME TO "numbers";
--> statement-breakpoint
ALTER SEQUENCE "public"."tally" RENAME TO "counter";
--> statement-breakpoint
DROP SCHEMA "billing";
