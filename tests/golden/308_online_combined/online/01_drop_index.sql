-- shale:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS "public"."members_email_old";
