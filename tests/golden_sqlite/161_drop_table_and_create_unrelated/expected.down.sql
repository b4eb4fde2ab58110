-- shale:down of 0001_after
-- shale:data-loss: drops table "feature_flags" and all its rows

DROP TABLE "feature_flags";
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token" TEXT NOT NULL,
	"expires_at" TEXT NOT NULL,
	PRIMARY KEY ("token")
);
