-- hazard: TABLE_REWRITE rewrites table "users" to fill column "users"."position"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" ADD COLUMN "position" bigserial NOT NULL;
