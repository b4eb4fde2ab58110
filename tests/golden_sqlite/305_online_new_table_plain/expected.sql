CREATE TABLE "sessions" (
	"id" INTEGER NOT NULL,
	"user_id" INTEGER NOT NULL,
	"token" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "sessions_token_key" UNIQUE ("token"),
	CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id")
);
--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id");
