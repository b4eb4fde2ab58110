-- hazard: INDEX_BUILD builds index "users_email_idx" on "users"

DROP INDEX "users_name_idx";
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" ("email");
