-- shale:down of 0000_after
-- shale:data-loss: drops table "players" and all its rows
-- shale:data-loss: drops table "teams" and all its rows

ALTER TABLE "public"."players" DROP CONSTRAINT "players_team_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."teams" DROP CONSTRAINT "teams_captain_id_fkey";
--> statement-breakpoint
DROP TABLE "public"."players";
--> statement-breakpoint
DROP TABLE "public"."teams";
