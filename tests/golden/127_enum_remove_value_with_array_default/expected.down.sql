-- shale:down of 0001_after

ALTER TYPE "public"."weekday" ADD VALUE 'wed' AFTER 'tue';
