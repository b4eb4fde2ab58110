-- hazard: TABLE_REWRITE rewrites table "tickets" to change column "tickets"."id" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "tickets" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "tickets" to change column "tickets"."number" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "tickets" against reads and writes

ALTER TABLE "public"."tickets" ALTER COLUMN "id" SET DATA TYPE bigint USING "id"::bigint;
--> statement-breakpoint
ALTER SEQUENCE "public"."tickets_id_seq" AS bigint;
--> statement-breakpoint
ALTER TABLE "public"."tickets" ALTER COLUMN "number" SET DATA TYPE bigint USING "number"::bigint;
