-- shale:down of 0001_after

ALTER TABLE "public"."events" DROP CONSTRAINT "events_pkey";
