-- hazard: DELETES_DATA changes column "stats"."code" from text to varchar(10), which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "stats"."code" from text to varchar(10)
-- hazard: TABLE_REWRITE rewrites table "stats" to change column "stats"."code" to varchar(10)
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "stats" against reads and writes
-- hazard: DELETES_DATA changes column "stats"."hits" from integer to smallint, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "stats"."hits" from integer to smallint
-- hazard: TABLE_REWRITE rewrites table "stats" to change column "stats"."hits" to smallint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "stats" against reads and writes
-- hazard: DELETES_DATA changes column "stats"."label" from varchar(50) to varchar(20), which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "stats"."label" from varchar(50) to varchar(20)
-- hazard: TABLE_REWRITE rewrites table "stats" to change column "stats"."label" to varchar(20)
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "stats" against reads and writes

ALTER TABLE "public"."stats" ALTER COLUMN "code" SET DATA TYPE varchar(10) USING "code"::varchar(10);
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "hits" SET DATA TYPE smallint USING "hits"::smallint;
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "label" SET DATA TYPE varchar(20) USING "label"::varchar(20);
