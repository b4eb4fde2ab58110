-- hazard: DELETES_DATA drops table "players" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE table "players" disappears
-- hazard: DELETES_DATA drops table "teams" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE table "teams" disappears

DROP TABLE "players";
--> statement-breakpoint
DROP TABLE "teams";
