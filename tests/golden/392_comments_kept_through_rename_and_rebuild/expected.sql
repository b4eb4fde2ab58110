-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes
-- hazard: INDEX_BUILD builds index "bookings_seats_idx" on "bookings", blocking writes while it runs

ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_room_id_fkey";
--> statement-breakpoint
DROP INDEX "public"."bookings_seats_idx";
--> statement-breakpoint
ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_seats_check";
--> statement-breakpoint
ALTER INDEX "public"."bookings_by_room" RENAME TO "bookings_room_idx";
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_seats_check" CHECK (seats > 1);
--> statement-breakpoint
CREATE INDEX "bookings_seats_idx" ON "public"."bookings" USING btree ("seats") WHERE seats > 10;
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE CASCADE;
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_room_id_fkey" ON "public"."bookings" IS 'room';
--> statement-breakpoint
COMMENT ON CONSTRAINT "bookings_seats_check" ON "public"."bookings" IS 'seats';
--> statement-breakpoint
COMMENT ON INDEX "public"."bookings_seats_idx" IS 'by seats, big ones';
