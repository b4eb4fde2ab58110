-- shale:down of 0001_after

ALTER TYPE "public"."mood" ADD VALUE 'away' AFTER 'active';
