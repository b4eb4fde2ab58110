-- hazard: INDEX_BUILD builds the index of constraint "events_pkey" on "events"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "events" against reads and writes

ALTER TABLE "public"."events" ADD CONSTRAINT "events_pkey" PRIMARY KEY ("id");
