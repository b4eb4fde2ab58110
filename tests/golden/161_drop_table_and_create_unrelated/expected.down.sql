-- shale:down of 0001_after
-- shale:data-loss: drops table "feature_flags" and all its rows

DROP TABLE "public"."feature_flags";
--> statement-breakpoint
CREATE TABLE "public"."sessions" (
	"token" text NOT NULL,
	"expires_at" timestamptz NOT NULL,
	CONSTRAINT "sessions_pkey" PRIMARY KEY ("token")
);
