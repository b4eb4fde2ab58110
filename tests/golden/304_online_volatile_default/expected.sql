-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();
