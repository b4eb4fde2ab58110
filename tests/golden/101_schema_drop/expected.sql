-- hazard: DELETES_DATA drops table "billing"."ledger" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "billing"."ledger" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "billing"."ledger" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE drops enum "billing"."currency"

DROP TABLE "billing"."ledger";
--> statement-breakpoint
DROP TYPE "billing"."currency";
--> statement-breakpoint
DROP SCHEMA "billing";
