-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: INDEX_BUILD builds index "users_email_idx" on "users", blocking writes while it runs

DROP INDEX "public"."users_name_idx";
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "public"."users" USING btree ("email");
