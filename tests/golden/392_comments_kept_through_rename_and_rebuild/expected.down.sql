-- shale:down of 0001_after

ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_room_id_fkey";
--> statement-breakpoint
DROP INDEX "public"."bookings_seats_idx";
--> statement-breakpoint
ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_seats_check";
--> statement-breakpoint
ALTER INDEX "public"."bookings_room_idx" RENAME TO "bookings_by_room";
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_seats_check" CHECK (seats > 0);
--> statement-breakpoint
CREATE INDEX "bookings_seats_idx" ON "public"."bookings" USING btree ("seats");
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id");
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_room_id_fkey" ON "public"."bookings" IS 'room';
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_seats_check" ON "public"."bookings" IS 'seats';
--> statement-breakpoint
COMMENT ON INDEX "public"."bookings_seats_idx" IS 'by seats';
