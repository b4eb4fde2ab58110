CREATE TABLE "posts" (
	"id" INTEGER NOT NULL,
	"author_id" INTEGER NOT NULL,
	"created_at" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
CREATE INDEX "posts_author_id_created_at_idx" ON "posts" ("author_id", "created_at");
--> statement-breakpoint
CREATE INDEX "posts_author_id_idx" ON "posts" ("author_id");
