-- hazard: DELETES_DATA drops table "sessions" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "sessions" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "sessions" against reads and writes

DROP TABLE "public"."sessions";
--> statement-breakpoint
CREATE TABLE "public"."feature_flags" (
	"key" text NOT NULL,
	"enabled" boolean NOT NULL,
	CONSTRAINT "feature_flags_pkey" PRIMARY KEY ("key")
);
