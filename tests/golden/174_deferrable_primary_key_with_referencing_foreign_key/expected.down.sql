-- shale:down of 0001_after

ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_slot_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."slots" DROP CONSTRAINT "slots_pkey";
--> statement-breakpoint
ALTER TABLE "public"."slots" ADD CONSTRAINT "slots_pkey" PRIMARY KEY ("id") DEFERRABLE INITIALLY DEFERRED;
