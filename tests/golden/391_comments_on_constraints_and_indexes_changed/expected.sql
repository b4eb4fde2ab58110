-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes

ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_seats_few" CHECK (seats < 100);
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_seats_few" ON "public"."bookings" IS 'large events are booked by phone';
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_seats_positive" ON "public"."bookings" IS 'an empty booking is a cancelled one';
--> statement-breakpoint
COMMENT ON CONSTRAINT "rooms_code_key" ON "public"."rooms" IS 'codes are unique';
--> statement-breakpoint
COMMENT ON CONSTRAINT "rooms_pkey" ON "public"."rooms" IS NULL;
--> statement-breakpoint
COMMENT ON INDEX "public"."bookings_room_id_idx" IS 'by room, for the planner';
--> statement-breakpoint
COMMENT ON INDEX "public"."bookings_seats_idx" IS NULL;
