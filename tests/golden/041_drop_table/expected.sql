-- hazard: DELETES_DATA drops table "orgs" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "orgs" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orgs" against reads and writes

DROP TABLE "public"."orgs";
