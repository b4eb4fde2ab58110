-- shale:no-transaction

-- an index "accounts_pkey" here is a leftover of an interrupted build of this migration
-- (INVALID, or built but not recorded): it is dropped and built again
DROP INDEX CONCURRENTLY IF EXISTS "public"."accounts_pkey";
--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY "accounts_pkey" ON "public"."accounts" USING btree ("id");
