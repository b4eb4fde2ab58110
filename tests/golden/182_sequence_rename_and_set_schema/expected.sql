-- hazard: BACKWARD_INCOMPATIBLE renames sequence "counter" to "tally": code calling nextval on the previous name breaks
-- hazard: BACKWARD_INCOMPATIBLE renames sequence "numbers" to "billing"."invoice_numbers": code calling nextval on the previous name breaks
-- hazard: BACKWARD_INCOMPATIBLE renames sequence "numbers" to "billing"."invoice_numbers": code calling nextval on the previous name breaks

CREATE SCHEMA "billing";
--> statement-breakpoint
ALTER SEQUENCE "public"."counter" RENAME TO "tally";
--> statement-breakpoint
ALTER SEQUENCE "public"."numbers" SET SCHEMA "billing";
--> statement-breakpoint
ALTER SEQUENCE "billing"."numbers" RENAME TO "invoice_numbers";
