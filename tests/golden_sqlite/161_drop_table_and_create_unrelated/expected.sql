-- hazard: DELETES_DATA drops table "sessions" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE table "sessions" disappears

DROP TABLE "sessions";
--> statement-breakpoint
CREATE TABLE "feature_flags" (
	"key" TEXT NOT NULL,
	"enabled" INTEGER NOT NULL,
	PRIMARY KEY ("key")
);
