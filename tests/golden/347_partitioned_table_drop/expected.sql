-- hazard: DELETES_DATA drops table "customers" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "customers" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "customers" against reads and writes
-- hazard: DELETES_DATA drops table "events" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "events" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "events" against reads and writes
-- hazard: DELETES_DATA drops table "sessions" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "sessions" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "sessions" against reads and writes

DROP TABLE "public"."customers";
--> statement-breakpoint
DROP TABLE "public"."events";
--> statement-breakpoint
DROP TABLE "public"."sessions";
