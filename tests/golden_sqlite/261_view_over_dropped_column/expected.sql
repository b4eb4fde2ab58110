-- hazard: DELETES_DATA drops column "users"."active"
-- hazard: BACKWARD_INCOMPATIBLE column "users"."active" disappears

DROP VIEW "states";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "active";
--> statement-breakpoint
CREATE VIEW "states" ("id") AS
SELECT id FROM users;
