-- hazard: TABLE_REWRITE rewrites table "orgs" to change column "orgs"."id" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orgs" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "projects" to change column "projects"."id" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "projects" to change column "projects"."org_id" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes

ALTER TABLE "public"."orgs" ALTER COLUMN "id" SET DATA TYPE bigint USING "id"::bigint;
--> statement-breakpoint
ALTER TABLE "public"."projects" ALTER COLUMN "id" SET DATA TYPE bigint USING "id"::bigint;
--> statement-breakpoint
ALTER TABLE "public"."projects" ALTER COLUMN "org_id" SET DATA TYPE bigint USING "org_id"::bigint;
