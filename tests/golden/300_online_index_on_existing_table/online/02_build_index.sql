-- shale:no-transaction

-- an index "users_email_idx" here is a leftover of an interrupted build of this migration
-- (INVALID, or built but not recorded): it is dropped and built again
DROP INDEX CONCURRENTLY IF EXISTS "public"."users_email_idx";
--> statement-breakpoint
CREATE INDEX CONCURRENTLY "users_email_idx" ON "public"."users" USING btree ("email");
