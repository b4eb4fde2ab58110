CREATE MATERIALIZED VIEW "public"."user_counts" ("active", "users") AS
SELECT active, count(*) AS users FROM users GROUP BY active;
--> statement-breakpoint
CREATE UNIQUE INDEX "user_counts_active_idx" ON "public"."user_counts" USING btree ("active");
--> statement-breakpoint
CREATE INDEX "user_counts_by_size" ON "public"."user_counts" USING btree ("users");
--> statement-breakpoint
COMMENT ON MATERIALIZED VIEW "public"."user_counts" IS 'Emails per state, stored.';
