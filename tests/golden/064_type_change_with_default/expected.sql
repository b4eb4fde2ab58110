-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "counters" against reads and writes
-- hazard: DELETES_DATA changes column "counters"."value" from text to bigint, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "counters"."value" from text to bigint
-- hazard: TABLE_REWRITE rewrites table "counters" to change column "counters"."value" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "counters" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "counters" against reads and writes

ALTER TABLE "public"."counters" ALTER COLUMN "value" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."counters" ALTER COLUMN "value" SET DATA TYPE bigint USING "value"::bigint;
--> statement-breakpoint
ALTER TABLE "public"."counters" ALTER COLUMN "value" SET DEFAULT 0;
