-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "accounts"

ALTER TABLE "users" RENAME TO "accounts";
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" INTEGER NOT NULL,
	"account_id" INTEGER NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE
);
