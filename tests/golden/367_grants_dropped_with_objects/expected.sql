-- hazard: BACKWARD_INCOMPATIBLE drops view "app"."emails": code using it breaks
-- hazard: DELETES_DATA drops table "app"."accounts" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "app"."accounts" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "app"."accounts" against reads and writes
-- hazard: DELETES_DATA drops table "notices" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "notices" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "notices" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE drops function "app"."next_ticket"()
-- hazard: DELETES_DATA drops sequence "app"."tickets" and its current value
-- hazard: BACKWARD_INCOMPATIBLE code using sequence "app"."tickets" breaks

DROP VIEW "app"."emails";
--> statement-breakpoint
DROP TABLE "app"."accounts";
--> statement-breakpoint
DROP TABLE "public"."notices";
--> statement-breakpoint
DROP FUNCTION "app"."next_ticket"();
--> statement-breakpoint
DROP SEQUENCE "app"."tickets";
--> statement-breakpoint
DROP SCHEMA "app";
