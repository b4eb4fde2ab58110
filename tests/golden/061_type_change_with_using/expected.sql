-- hazard: DELETES_DATA changes column "stats"."code" from text to integer, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "stats"."code" from text to integer
-- hazard: TABLE_REWRITE rewrites table "stats" to change column "stats"."code" to integer
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "stats" against reads and writes
-- hazard: DELETES_DATA changes column "stats"."flags" from text[] to jsonb, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "stats"."flags" from text[] to jsonb
-- hazard: TABLE_REWRITE rewrites table "stats" to change column "stats"."flags" to jsonb
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "stats" against reads and writes

ALTER TABLE "public"."stats" ALTER COLUMN "code" SET DATA TYPE integer USING "code"::integer;
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "flags" SET DATA TYPE jsonb USING to_jsonb("flags");
