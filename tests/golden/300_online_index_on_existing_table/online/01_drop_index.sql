-- shale:no-transaction

DROP INDEX CONCURRENTLY IF EXISTS "public"."users_name_idx";
