-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "slots" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "slots_pkey" on "slots"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "slots" against reads and writes

ALTER TABLE "public"."slots" DROP CONSTRAINT "slots_pkey";
--> statement-breakpoint
ALTER TABLE "public"."slots" ADD CONSTRAINT "slots_pkey" PRIMARY KEY ("id");
--> statement-breakpoint
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_slot_id_fkey" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id");
