-- hazard: DELETES_DATA drops table "orgs" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE table "orgs" disappears

DROP TABLE "orgs";
