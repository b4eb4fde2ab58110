-- shale:down of 0001_after

ALTER TYPE "public"."status" RENAME VALUE 'pending' TO 'review';
