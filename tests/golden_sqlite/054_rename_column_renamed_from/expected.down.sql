-- shale:down of 0001_after

ALTER TABLE "users" RENAME COLUMN "display_name" TO "name";
