-- shale:down of 0001_after

ALTER TABLE "users" ADD COLUMN "name" TEXT;
