-- shale:down of 0001_after
-- shale:data-loss: drops partition "customers_other" of "customers" and all its rows
-- shale:data-loss: drops partition "events_2026_04" of "events" and all its rows
-- shale:data-loss: drops column "events"."note"

DROP TABLE "public"."customers_other";
--> statement-breakpoint
DROP TABLE "public"."events_2026_04";
--> statement-breakpoint
ALTER TABLE "public"."events" DROP COLUMN "note";
--> statement-breakpoint
ALTER TABLE "public"."customers" DETACH PARTITION "public"."customers_eu";
--> statement-breakpoint
CREATE TABLE "public"."events_2026_01" PARTITION OF "public"."events" FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
--> statement-breakpoint
ALTER TABLE "public"."customers" ATTACH PARTITION "public"."customers_eu" FOR VALUES IN ('de', 'fr');
