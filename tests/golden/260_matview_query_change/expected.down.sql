-- shale:down of 0001_after

DROP MATERIALIZED VIEW "public"."active_ids";
--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."active_ids" ("id") AS
SELECT id FROM users WHERE active;
--> statement-breakpoint
CREATE UNIQUE INDEX "active_ids_id_idx" ON "public"."active_ids" USING btree ("id");
