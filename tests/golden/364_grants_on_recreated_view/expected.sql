DROP VIEW "public"."item_names";
--> statement-breakpoint
DROP MATERIALIZED VIEW "public"."item_ids";
--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."item_ids" ("id") AS
SELECT id FROM items WHERE id > 0;
--> statement-breakpoint
CREATE VIEW "public"."item_names" ("name") AS
SELECT name FROM items;
--> statement-breakpoint
GRANT SELECT ON TABLE "public"."item_ids" TO "app_ro";
--> statement-breakpoint
GRANT SELECT ON TABLE "public"."item_ids" TO "app_rw";
--> statement-breakpoint
GRANT SELECT ON TABLE "public"."item_names" TO "app_ro";
