-- shale:down of 0000_after
-- shale:data-loss: drops table "bookings" and all its rows

DROP TABLE "public"."bookings";
--> statement-breakpoint
DROP EXTENSION "btree_gist";
