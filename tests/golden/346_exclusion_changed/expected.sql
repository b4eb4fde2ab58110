-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "bookings_code_excl" on "bookings"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "bookings_guest_overlap" on "bookings"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "bookings" against reads and writes

ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_guest_overlap";
--> statement-breakpoint
ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_lower_excl";
--> statement-breakpoint
ALTER TABLE "public"."bookings" RENAME CONSTRAINT "bookings_room_during_excl" TO "bookings_no_double_booking";
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_code_excl" EXCLUDE USING gist (code WITH =);
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_guest_overlap" EXCLUDE USING gist (guest WITH =, during WITH &&) WHERE (NOT cancelled AND room > 0) DEFERRABLE INITIALLY DEFERRED;
