-- shale:down of 0001_after

DROP VIEW "public"."item_names";
--> statement-breakpoint
DROP MATERIALIZED VIEW "public"."item_ids";
--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."item_ids" ("id") AS
SELECT id FROM items;
--> statement-breakpoint
CREATE VIEW "public"."item_names" ("id", "name") AS
SELECT id, name FROM items;
--> statement-breakpoint
GRANT SELECT ON TABLE "public"."item_ids" TO "app_ro";
--> statement-breakpoint
GRANT SELECT ON TABLE "public"."item_names" TO "app_ro";
