-- shale:down of 0001_after

ALTER TABLE "public"."stats" ALTER COLUMN "code" SET DATA TYPE text USING "code"::text;
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "hits" SET DATA TYPE integer USING "hits"::integer;
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "label" SET DATA TYPE varchar(50) USING "label"::varchar(50);
