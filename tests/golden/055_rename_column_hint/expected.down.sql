-- shale:down of 0001_after

ALTER TABLE "public"."users" RENAME COLUMN "full_name" TO "name";
