CREATE TABLE "sessions" (
	"id" INTEGER NOT NULL,
	"user_id" INTEGER NOT NULL,
	"token" TEXT NOT NULL,
	"expires_at" TEXT NOT NULL,
	"revoked_at" TEXT,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_live_token" ON "sessions" ("token") WHERE revoked_at IS NULL AND user_id > 0;
--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id") WHERE revoked_at IS NULL;
