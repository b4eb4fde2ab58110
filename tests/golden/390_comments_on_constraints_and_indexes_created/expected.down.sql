-- shale:down of 0000_after
-- shale:data-loss: drops table "bookings" and all its rows
-- shale:data-loss: drops table "rooms" and all its rows

DROP MATERIALIZED VIEW "public"."room_load";
--> statement-breakpoint
ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_room_id_fkey";
--> statement-breakpoint
DROP TABLE "public"."bookings";
--> statement-breakpoint
DROP TABLE "public"."rooms";
