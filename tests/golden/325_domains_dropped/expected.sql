-- hazard: DELETES_DATA drops table "billing"."lines" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "billing"."lines" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "billing"."lines" against reads and writes
-- hazard: DELETES_DATA drops column "users"."backup_email"
-- hazard: BACKWARD_INCOMPATIBLE code using column "users"."backup_email" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: DELETES_DATA changes column "users"."email" from email to varchar(320), which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "users"."email" from email to varchar(320)
-- hazard: TABLE_REWRITE rewrites table "users" to change column "users"."email" to varchar(320)
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE drops domain "email"
-- hazard: BACKWARD_INCOMPATIBLE drops domain "billing"."quantity"

DROP TABLE "billing"."lines";
--> statement-breakpoint
ALTER TABLE "public"."users" DROP COLUMN "backup_email";
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "email" SET DATA TYPE varchar(320) USING "email"::varchar(320);
--> statement-breakpoint
DROP DOMAIN "public"."email";
--> statement-breakpoint
DROP DOMAIN "billing"."quantity";
--> statement-breakpoint
DROP SCHEMA "billing";
