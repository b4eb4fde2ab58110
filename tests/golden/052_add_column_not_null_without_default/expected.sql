-- hazard: NOT_NULL_WITHOUT_DEFAULT adds NOT NULL column "users"."locale" without a default: fails if the table has rows
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" ADD COLUMN "locale" text NOT NULL;
