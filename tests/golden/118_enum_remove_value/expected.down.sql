-- shale:down of 0001_after

ALTER TYPE "public"."status" ADD VALUE 'review' AFTER 'draft';
