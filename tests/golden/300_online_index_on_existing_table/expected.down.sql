-- shale:down of 0001_after

DROP INDEX "public"."users_email_idx";
--> statement-breakpoint
CREATE INDEX "users_name_idx" ON "public"."users" USING btree ("name");
