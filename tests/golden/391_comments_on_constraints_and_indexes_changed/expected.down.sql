-- shale:down of 0001_after

ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_seats_few";
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_seats_positive" ON "public"."bookings" IS 'no empty bookings';
--> statement-breakpoint
COMMENT ON CONSTRAINT "rooms_code_key" ON "public"."rooms" IS NULL;
--> statement-breakpoint
COMMENT ON CONSTRAINT "rooms_pkey" ON "public"."rooms" IS 'one row per room';
--> statement-breakpoint
COMMENT ON INDEX "public"."bookings_room_id_idx" IS 'by room';
--> statement-breakpoint
COMMENT ON INDEX "public"."bookings_seats_idx" IS 'by size';
