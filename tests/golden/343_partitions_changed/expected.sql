-- hazard: DELETES_DATA drops partition "events_2026_01" of "events" and all its rows
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "events" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "events" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "customers" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "customers" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "events" against reads and writes
-- hazard: TABLE_REWRITE scans partition "customers_eu" to check its rows fit the new bound
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "customers" against reads and writes

DROP TABLE "public"."events_2026_01";
--> statement-breakpoint
ALTER TABLE "public"."events" ADD COLUMN "note" text;
--> statement-breakpoint
ALTER TABLE "public"."customers" DETACH PARTITION "public"."customers_eu";
--> statement-breakpoint
CREATE TABLE "public"."customers_other" PARTITION OF "public"."customers" DEFAULT;
--> statement-breakpoint
CREATE TABLE "public"."events_2026_04" PARTITION OF "public"."events" FOR VALUES FROM ('2026-04-01') TO ('2026-05-01');
--> statement-breakpoint
ALTER TABLE "public"."customers" ATTACH PARTITION "public"."customers_eu" FOR VALUES IN ('de', 'fr', 'it');
