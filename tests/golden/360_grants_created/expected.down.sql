-- shale:down of 0000_after
-- shale:data-loss: drops table "app"."accounts" and all its rows
-- shale:data-loss: drops table "notices" and all its rows
-- shale:data-loss: drops sequence "app"."tickets" and its current value

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
