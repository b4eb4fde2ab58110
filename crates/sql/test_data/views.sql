-- hazard: BACKWARD_INCOMPATIBLE drops view "gone": code using it breaks
-- hazard: BACKWARD_INCOMPATIBLE renames view "moved" to "app"."moved": code using the previous name breaks
DROP VIEW "public"."gone";
--> statement-breakpoint
DROP INDEX "public"."mat_id_idx";
--> statement-breakpoint
ALTER VIEW "public"."moved" SET SCHEMA "app";
--> statement-breakpoint
CREATE OR REPLACE VIEW "public"."grows" ("id", "email") WITH (security_invoker = true) AS
SELECT id, email FROM users
WITH CASCADED CHECK OPTION;
--> statement-breakpoint
CREATE VIEW "public"."fresh" ("id") AS
SELECT id FROM grows;
--> statement-breakpoint
CREATE UNIQUE INDEX "mat_id_key" ON "public"."mat" USING btree ("id");
--> statement-breakpoint
COMMENT ON MATERIALIZED VIEW "public"."mat" IS 'ids, stored';
--> statement-breakpoint
COMMENT ON COLUMN "public"."grows"."email" IS 'the address';
--> statement-breakpoint
