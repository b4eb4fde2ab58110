CREATE TABLE "api_keys" (
	"id" INTEGER NOT NULL,
	"owner_id" INTEGER NOT NULL,
	"prefix" TEXT NOT NULL,
	"revoked" INTEGER NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
CREATE INDEX "api_keys_owner" ON "api_keys" ("owner_id", "revoked");
--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_uidx" ON "api_keys" ("prefix");
