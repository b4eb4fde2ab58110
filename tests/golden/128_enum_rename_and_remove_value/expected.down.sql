-- shale:down of 0001_after

ALTER TYPE "public"."day_of_week" RENAME TO "weekday";
--> statement-breakpoint
ALTER TYPE "public"."weekday" ADD VALUE 'wed' AFTER 'tue';
