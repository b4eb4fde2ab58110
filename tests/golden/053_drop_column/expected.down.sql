-- shale:down of 0001_after

ALTER TABLE "public"."users" ADD COLUMN "name" text;
