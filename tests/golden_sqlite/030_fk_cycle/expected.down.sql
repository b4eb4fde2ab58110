-- shale:down of 0001_after
-- shale:data-loss: drops table "players" and all its rows
-- shale:data-loss: drops table "teams" and all its rows

DROP TABLE "players";
--> statement-breakpoint
DROP TABLE "teams";
