-- hazard: TABLE_REWRITE rewrites table "stats" to change column "stats"."hits" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "stats" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "stats" to change column "stats"."id" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "stats" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "stats" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "stats" to change column "stats"."ratio" to double precision
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "stats" against reads and writes

ALTER TABLE "public"."stats" ALTER COLUMN "hits" SET DATA TYPE bigint USING "hits"::bigint;
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "id" SET DATA TYPE bigint USING "id"::bigint;
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "label" SET DATA TYPE varchar(200) USING "label"::varchar(200);
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "ratio" SET DATA TYPE double precision USING "ratio"::double precision;
