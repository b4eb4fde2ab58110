-- shale:down of 0001_after

ALTER TABLE "public"."counters" ALTER COLUMN "value" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."counters" ALTER COLUMN "value" SET DATA TYPE text USING "value"::text;
--> statement-breakpoint
ALTER TABLE "public"."counters" ALTER COLUMN "value" SET DEFAULT '0';
