-- shale:down of 0001_after

CREATE TABLE "players" (
	"id" INTEGER NOT NULL,
	"team_id" INTEGER,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "players_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" INTEGER NOT NULL,
	"captain_id" INTEGER,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "teams_captain_id_fkey" FOREIGN KEY ("captain_id") REFERENCES "players"("id")
);
