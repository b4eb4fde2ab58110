-- hazard: TABLE_REWRITE rewrites table "users" to change column "users"."age" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" ALTER COLUMN "age" SET DATA TYPE bigint USING "age"::bigint;
