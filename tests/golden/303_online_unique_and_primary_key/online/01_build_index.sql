-- shale:no-transaction

-- an index "accounts_handle_key" here is a leftover of an interrupted build of this migration
-- (INVALID, or built but not recorded): it is dropped and built again
DROP INDEX CONCURRENTLY IF EXISTS "public"."accounts_handle_key";
--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY "accounts_handle_key" ON "public"."accounts" USING btree ("handle");
