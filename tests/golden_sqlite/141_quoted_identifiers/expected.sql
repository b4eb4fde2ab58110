CREATE TABLE "order" (
	"id" INTEGER NOT NULL,
	"user" TEXT NOT NULL,
	"select" INTEGER NOT NULL,
	"CamelCase" TEXT,
	PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "order_user_select_idx" ON "order" ("user", "select");
