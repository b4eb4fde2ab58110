-- shale:down of 0001_after

ALTER TYPE "public"."page_status" RENAME TO "status";
