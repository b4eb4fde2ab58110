-- shale:down of 0000_after
-- shale:data-loss: drops table "accounts" and all its rows
-- shale:data-loss: drops table "customers" and all its rows
-- shale:data-loss: drops table "events" and all its rows
-- shale:data-loss: drops table "sessions" and all its rows

ALTER TABLE "public"."events" DROP CONSTRAINT "events_account_id_fkey";
--> statement-breakpoint
DROP TABLE "public"."accounts";
--> statement-breakpoint
DROP TABLE "public"."customers";
--> statement-breakpoint
DROP TABLE "public"."events";
--> statement-breakpoint
DROP TABLE "public"."sessions";
