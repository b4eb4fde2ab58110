-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "players" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "teams" against reads and writes
-- hazard: DELETES_DATA drops table "players" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "players" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "players" against reads and writes
-- hazard: DELETES_DATA drops table "teams" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "teams" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "teams" against reads and writes

ALTER TABLE "public"."players" DROP CONSTRAINT "players_team_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."teams" DROP CONSTRAINT "teams_captain_id_fkey";
--> statement-breakpoint
DROP TABLE "public"."players";
--> statement-breakpoint
DROP TABLE "public"."teams";
