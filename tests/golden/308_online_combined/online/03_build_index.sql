-- shale:no-transaction

-- an index "members_org_id_email_key" here is a leftover of an interrupted build of this migration
-- (INVALID, or built but not recorded): it is dropped and built again
DROP INDEX CONCURRENTLY IF EXISTS "public"."members_org_id_email_key";
--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY "members_org_id_email_key" ON "public"."members" USING btree ("org_id", "email");
