-- shale:down of 0001_after

ALTER TABLE "users" RENAME COLUMN "full_name" TO "name";
