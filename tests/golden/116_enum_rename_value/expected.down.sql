-- shale:down of 0001_after

ALTER TYPE "public"."status" RENAME VALUE 'in_review' TO 'review';
