-- shale:down of 0001_after

ALTER TABLE "public"."logins" ALTER COLUMN "at" SET DATA TYPE timestamp USING "at"::timestamp;
--> statement-breakpoint
ALTER TABLE "public"."logins" ALTER COLUMN "day" SET DATA TYPE timestamp USING "day"::timestamp;
