-- hazard: DELETES_DATA drops column "users"."active"
-- hazard: BACKWARD_INCOMPATIBLE code using column "users"."active" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

DROP VIEW "public"."states";
--> statement-breakpoint
ALTER TABLE "public"."users" DROP COLUMN "active";
--> statement-breakpoint
CREATE VIEW "public"."states" ("id") AS
SELECT id FROM users;
