-- shale:no-transaction

-- an index "members_nickname_idx" here is a leftover of an interrupted build of this migration
-- (INVALID, or built but not recorded): it is dropped and built again
DROP INDEX CONCURRENTLY IF EXISTS "public"."members_nickname_idx";
--> statement-breakpoint
CREATE INDEX CONCURRENTLY "members_nickname_idx" ON "public"."members" USING btree ("nickname");
