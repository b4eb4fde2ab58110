-- shale:down of 0001_after

ALTER TYPE "public"."state" RENAME TO "status";
