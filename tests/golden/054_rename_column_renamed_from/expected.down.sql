-- shale:down of 0001_after

ALTER TABLE "public"."users" RENAME COLUMN "display_name" TO "name";
