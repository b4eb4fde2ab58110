-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "settings" against reads and writes

ALTER TABLE "public"."settings" ALTER COLUMN "theme" SET DEFAULT 'light';
