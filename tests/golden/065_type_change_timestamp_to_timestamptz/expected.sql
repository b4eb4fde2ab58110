-- hazard: TABLE_REWRITE rewrites table "logins" to change column "logins"."at" to timestamptz(3)
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "logins" against reads and writes
-- hazard: DELETES_DATA changes column "logins"."day" from timestamp to date, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "logins"."day" from timestamp to date
-- hazard: TABLE_REWRITE rewrites table "logins" to change column "logins"."day" to date
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "logins" against reads and writes

ALTER TABLE "public"."logins" ALTER COLUMN "at" SET DATA TYPE timestamptz(3) USING "at"::timestamptz(3);
--> statement-breakpoint
ALTER TABLE "public"."logins" ALTER COLUMN "day" SET DATA TYPE date USING "day"::date;
