-- shale:down of 0001_after

ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_code_excl";
--> statement-breakpoint
ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_guest_overlap";
--> statement-breakpoint
ALTER TABLE "public"."bookings" RENAME CONSTRAINT "bookings_no_double_booking" TO "bookings_room_during_excl";
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_guest_overlap" EXCLUDE USING gist (guest WITH =, during WITH &&) WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_lower_excl" EXCLUDE USING gist ((lower(code)) WITH =);
